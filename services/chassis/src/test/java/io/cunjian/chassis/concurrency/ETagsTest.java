package io.cunjian.chassis.concurrency;

import static io.cunjian.chassis.fixture.Http.en;
import static io.cunjian.chassis.fixture.Http.newCode;
import static io.cunjian.chassis.fixture.Http.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.fixture.Db;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ETagsTest {

    @Inject
    Db db;

    static String body(String code, String name) {
        return """
                {"code": "%s", "name": "%s", "households": 80, "kind": "ORDINARY"}""".formatted(code, name);
    }

    String create(String name) {
        String code = newCode();
        given().contentType("application/json").body(body(code, name)).post("/test/villages").then().statusCode(201).header("ETag", "\"0\"");
        return code;
    }

    static Response put(String code, String ifMatch, String name) {
        var request = en().contentType("application/json").body(body(code, name));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/test/villages/" + code);
    }

    @Test
    void readsCarryTheVersionAsETagAndAnUpdateWithItMovesItOn() {
        String code = create("梨树村");
        given().get("/test/villages/" + code).then().statusCode(200).header("ETag", "\"0\"");

        put(code, "\"0\"", "梨树新村").then().statusCode(200).header("ETag", "\"1\"");
        assertThat(db.villageName(code)).isEqualTo("梨树新村");
        given().get("/test/villages/" + code).then().header("ETag", "\"1\"");
    }

    @Test
    void anUpdateWithoutIfMatchIs428AndChangesNothing() {
        String code = create("铁东村");
        JsonPath zh = problem(given().contentType("application/json").body(body(code, "改名")).put("/test/villages/" + code),
                428, "precondition-required");
        assertThat(zh.getString("title")).isEqualTo("缺少 If-Match 请求头");
        assertThat(problem(put(code, null, "改名"), 428, "precondition-required").getString("title")).isEqualTo("If-Match required");
        assertThat(db.villageName(code)).isEqualTo("铁东村");
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentETagAndChangesNothing() {
        String code = create("双辽村");
        put(code, "\"0\"", "双辽一村").then().statusCode(200);

        Response stale = put(code, "\"0\"", "双辽二村");
        JsonPath problem = problem(stale, 412, "precondition-failed");
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(problem.getString("currentETag")).isEqualTo("\"1\"");
        assertThat(problem.getString("detail")).contains("\"0\"").contains("\"1\"");
        assertThat(db.villageName(code)).isEqualTo("双辽一村");
    }

    @Test
    void aWeakTagNeverMatchesButAListOrStarDoes() {
        String code = create("叶赫村");
        problem(put(code, "W/\"0\"", "叶赫满族村"), 412, "precondition-failed");
        put(code, "\"7\", \"0\"", "叶赫满族村").then().statusCode(200);
        put(code, "*", "叶赫满族镇").then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void deleteNeedsTheCurrentETagToo() {
        String code = create("伊通村");
        problem(en().delete("/test/villages/" + code), 428, "precondition-required");
        problem(en().header("If-Match", "\"3\"").delete("/test/villages/" + code), 412, "precondition-failed");
        assertThat(db.count("select count(*) from test_village where code = ?", code)).isEqualTo(1);

        given().header("If-Match", "\"0\"").delete("/test/villages/" + code).then().statusCode(204);
        assertThat(db.count("select count(*) from test_village where code = ?", code)).isZero();
    }

    @Test
    void ofTwoConcurrentUpdatesWithOneETagExactlyOneWins() throws Exception {
        String code = create("公主岭村");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Response> a = pool.submit(() -> {
                start.await();
                return put(code, "\"0\"", "甲");
            });
            Future<Response> b = pool.submit(() -> {
                start.await();
                return put(code, "\"0\"", "乙");
            });
            start.countDown();
            List<Response> answers = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
            Response loser = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().jsonPath().getString("name");
            assertThat(db.villageName(code)).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }
}
