package io.cunjian.chassis.idempotency;

import static io.cunjian.chassis.fixture.Http.en;
import static io.cunjian.chassis.fixture.Http.newCode;
import static io.cunjian.chassis.fixture.Http.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
class IdempotencyKeyTest {

    @Inject
    Db db;

    @Inject
    IdempotencyCleanup cleanup;

    static String village(String code, String name) {
        return """
                {"code": "%s", "name": "%s", "households": 120, "kind": "DEMONSTRATION"}""".formatted(code, name);
    }

    static Response post(String key, String body) {
        return given().header("Idempotency-Key", key).contentType("application/json").body(body).post("/test/villages");
    }

    long villages(String code) {
        return db.count("select count(*) from test_village where code = ?", code);
    }

    long records(String key) {
        return db.count("select count(*) from idempotency_record where idempotency_key = ?", key);
    }

    @Test
    void aRepeatGetsTheFirstAnswerAgainAndChangesNothing() {
        String code = newCode();
        String key = UUID.randomUUID().toString();

        Response first = post(key, village(code, "十家堡村"));
        first.then().statusCode(201);
        Response repeat = post(key, village(code, "十家堡村"));

        repeat.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(repeat.asString()).isEqualTo(first.asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location")).endsWith("/test/villages/" + code);
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(repeat.contentType()).startsWith("application/json");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(villages(code)).isEqualTo(1);
        assertThat(records(key)).isEqualTo(1);
    }

    @Test
    void whitespaceAndPropertyOrderDoNotMakeAnotherBody() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        post(key, village(code, "孟家岭村")).then().statusCode(201);
        String reordered = """
                {  "kind":"DEMONSTRATION","households":120,
                   "name":"孟家岭村","code":"%s"}""".formatted(code);
        post(key, reordered).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void fiveConcurrentRequestsWithOneKeyHaveOneEffectAndFiveIdenticalAnswers() throws Exception {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        String body = village(code, "宋家洼子村");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(key, body);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(201);
            assertThat(responses).extracting(Response::asString).hasSize(5).containsOnly(responses.get(0).asString());
            assertThat(responses).extracting(r -> r.header("Location")).containsOnly(responses.get(0).header("Location"));
            assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(villages(code)).isEqualTo(1);
        assertThat(records(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        post(key, village(code, "太平村")).then().statusCode(201);

        JsonPath zh = problem(post(key, village(code, "太平镇")), 422, "idempotency-key-reused");
        assertThat(zh.getString("title")).isEqualTo("Idempotency-Key 已用于另一请求");
        assertThat(zh.getString("detail")).contains(key);
        JsonPath english = problem(en().header("Idempotency-Key", key).contentType("application/json")
                .body(village(code, "Taiping")).post("/test/villages"), 422, "idempotency-key-reused");
        assertThat(english.getString("title")).isEqualTo("Idempotency-Key used for another request");

        assertThat(db.villageName(code)).isEqualTo("太平村");
        assertThat(villages(code)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestRunsAgain() {
        String code = newCode();
        given().contentType("application/json").body(village(code, "双辽村")).post("/test/villages").then().statusCode(201);
        JsonPath conflict = problem(given().contentType("application/json").body(village(code, "双辽村")).post("/test/villages"),
                409, "conflict");
        assertThat(conflict.getString("detail")).isEqualTo("村 " + code + " 已存在");
        assertThat(villages(code)).isEqualTo(1);
    }

    @Test
    void keysAreScopedByPath() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        post(key, village(code, "东村")).then().statusCode(201);

        // Same key, another path: a request of its own. This method returns its entity, not a Response.
        Response note = given().header("Idempotency-Key", key).contentType("application/json").body(village(code, "新址"))
                .post("/test/villages/" + code + "/notes");
        note.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        Response repeat = given().header("Idempotency-Key", key).contentType("application/json").body(village(code, "新址"))
                .post("/test/villages/" + code + "/notes");
        repeat.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(repeat.asString()).isEqualTo(note.asString());
        assertThat(db.villageName(code)).isEqualTo("东村 / 新址");
    }

    @Test
    void anEmptyAnswerIsReplayedToo() {
        String code = newCode();
        post(UUID.randomUUID().toString(), village(code, "三道村")).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).post("/test/villages/" + code + "/households").then().statusCode(204)
                .header("Idempotent-Replayed", (String) null);
        given().header("Idempotency-Key", key).post("/test/villages/" + code + "/households").then().statusCode(204)
                .header("Idempotent-Replayed", "true");
        assertThat(db.count("select households from test_village where code = ?", code)).isEqualTo(121);
    }

    @Test
    void readsIgnoreTheKey() {
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).get("/test/villages").then().statusCode(200);
        assertThat(records(key)).isZero();
    }

    @Test
    void aRequestThatFailedRecordedNothingAndCanBeRetriedWithItsKey() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        problem(post(key, village(code, "")), 400, "validation");
        assertThat(records(key)).isZero();

        post(key, village(code, "四平村")).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(villages(code)).isEqualTo(1);
    }

    @Test
    void anUnusableKeyIs400() {
        String code = newCode();
        problem(post("x".repeat(256), village(code, "长键村")), 400, "invalid-idempotency-key");
        problem(post("", village(code, "空键村")), 400, "invalid-idempotency-key");
        assertThat(villages(code)).isZero();
    }

    @Test
    void expiredRecordsAreNoLongerReplayedAndAreCleanedUp() throws Exception {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        post(key, village(code, "旧村")).then().statusCode(201);
        db.execute("update idempotency_record set expires_at = now() - interval '1 second' where idempotency_key = ?", key);

        // Expired: the request runs again, and meets the village it created the first time.
        problem(post(key, village(code, "旧村")), 409, "conflict");
        assertThat(records(key)).isEqualTo(1); // still the expired one: the failed run recorded nothing

        cleanup.deleteExpired();
        assertThat(records(key)).isZero();
    }
}
