package io.cunjian.chassis.problem;

import static io.cunjian.chassis.fixture.Http.en;
import static io.cunjian.chassis.fixture.Http.errorsByField;
import static io.cunjian.chassis.fixture.Http.newCode;
import static io.cunjian.chassis.fixture.Http.problem;
import static io.cunjian.chassis.fixture.Http.zh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.fixture.Db;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProblemDetailsTest {

    @Inject
    Db db;

    @TestHTTPResource("/test/villages")
    URI villages;

    @Test
    void beanValidationNamesEveryOffendingFieldInChineseByDefaultAndChangesNothing() {
        long before = db.villages();
        String body = """
                {"code": "123", "name": " ", "households": -1, "contact": {"phone": "abc"}}""";

        JsonPath zh = problem(given().contentType("application/json").body(body).post("/test/villages"), 400, "validation");
        assertThat(zh.getString("title")).isEqualTo("请求数据无效");
        assertThat(zh.getString("instance")).isEqualTo("/test/villages");
        Map<String, String> errors = errorsByField(zh);
        assertThat(errors).containsOnlyKeys("code", "name", "households", "contact.phone", "kind");
        assertThat(errors.get("households")).isEqualTo("最小不能小于0");
        assertThat(errors.get("name")).isEqualTo("不能为空");

        JsonPath en = problem(en().contentType("application/json").body(body).post("/test/villages"), 400, "validation");
        assertThat(en.getString("title")).isEqualTo("Invalid request data");
        assertThat(errorsByField(en)).containsEntry("households", "must be greater than or equal to 0")
                .containsEntry("kind", "must not be null");

        assertThat(db.villages()).isEqualTo(before);
    }

    @Test
    void aMissingBodyIsAValidationProblemOfTheBody() {
        JsonPath body = problem(given().contentType("application/json").post("/test/villages"), 400, "validation");
        assertThat(errorsByField(body)).containsOnlyKeys("body");
    }

    @Test
    void anInvalidQueryParameterIsNamedAsTheRequestNamesIt() {
        JsonPath body = problem(en().get("/test/villages?size=1000"), 400, "validation");
        assertThat(errorsByField(body)).containsEntry("size", "must be less than or equal to 100");
    }

    @Test
    void anUnreadableQueryParameterIsA400NamingIt() {
        // JAX-RS alone answers a number it cannot read with a 404 (query, path) naming nothing
        JsonPath body = problem(en().get("/test/villages?size=abc"), 400, "validation");
        assertThat(errorsByField(body)).containsEntry("size",
                "This parameter's value cannot be read (a day is yyyy-MM-dd, ids and counts are whole numbers).");
    }

    @Test
    void malformedJsonIsA400WithWhereItBroke() {
        long before = db.villages();
        JsonPath zh = problem(given().contentType("application/json").body("{\"code\": \"220303000001\",\n \"name\": ")
                .post("/test/villages"), 400, "malformed-json");
        assertThat(zh.getString("title")).isEqualTo("请求体不是有效的 JSON");
        assertThat(zh.getString("detail")).contains("第 2 行");

        JsonPath en = problem(en().contentType("application/json").body("{\"code\": nope}").post("/test/villages"), 400, "malformed-json");
        assertThat(en.getString("detail")).startsWith("The request body cannot be parsed as JSON at line 1");
        assertThat(db.villages()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesTheFieldAndTheExpectedType() {
        String code = newCode();
        String body = """
                {"code": "%s", "name": "x", "households": "many", "kind": "ORDINARY"}""".formatted(code);
        JsonPath zh = problem(given().contentType("application/json").body(body).post("/test/villages"), 400, "validation");
        assertThat(errorsByField(zh)).containsExactly(Map.entry("households", "应为整数"));

        String nested = """
                {"code": "%s", "name": "x", "households": 3, "contact": "13800000000", "kind": "ORDINARY"}""".formatted(code);
        JsonPath en = problem(en().contentType("application/json").body(nested).post("/test/villages"), 400, "validation");
        assertThat(errorsByField(en)).containsExactly(Map.entry("contact", "must be an object"));
        assertThat(db.count("select count(*) from test_village where code = ?", code)).isZero();
    }

    /** Found by the end-to-end hostile input: Jackson read a number as a name and as an epoch-day date. */
    @Test
    void aNumberIsNeitherTextNorADate() {
        String code = newCode();
        JsonPath name = problem(en().contentType("application/json").body("""
                {"code": "%s", "name": 12345, "households": 3, "kind": "ORDINARY"}""".formatted(code)).post("/test/villages"),
                400, "validation");
        assertThat(errorsByField(name)).containsExactly(Map.entry("name", "must be a string"));
        JsonPath date = problem(en().contentType("application/json").body("""
                {"code": "%s", "name": "x", "households": 3, "kind": "ORDINARY", "foundedOn": 12345}""".formatted(code))
                .post("/test/villages"), 400, "validation");
        assertThat(errorsByField(date)).containsOnlyKeys("foundedOn");
        assertThat(db.count("select count(*) from test_village where code = ?", code)).isZero();
        // a number written as text is still a number, and a date as ISO text still a date
        given().contentType("application/json").body("""
                {"code": "%s", "name": "x", "households": "3", "kind": "ORDINARY", "foundedOn": "2026-06-30"}""".formatted(code))
                .post("/test/villages").then().statusCode(201);
    }

    @Test
    void anUnknownEnumValueListsTheAllowedValues() {
        String body = """
                {"code": "%s", "name": "x", "households": 3, "kind": "CITY"}""".formatted(newCode());
        JsonPath zh = problem(given().contentType("application/json").body(body).post("/test/villages"), 400, "validation");
        assertThat(errorsByField(zh)).containsExactly(Map.entry("kind", "取值无效 CITY，可选值：DEMONSTRATION, ORDINARY"));
        JsonPath en = problem(en().contentType("application/json").body(body).post("/test/villages"), 400, "validation");
        assertThat(errorsByField(en)).containsExactly(Map.entry("kind", "invalid value CITY; allowed values: DEMONSTRATION, ORDINARY"));
    }

    @Test
    void anUnknownPathIsA404ProblemNeverHtml() {
        JsonPath zh = problem(given().accept("text/html").get("/no/such/thing"), 404, "not-found");
        assertThat(zh.getString("title")).isEqualTo("资源不存在");
        assertThat(zh.getString("detail")).isEqualTo("没有地址为 /no/such/thing 的资源。");
        JsonPath en = problem(en().get("/test/villages/220303000001/no-such-child"), 404, "not-found");
        assertThat(en.getString("title")).isEqualTo("Resource not found");
    }

    @Test
    void aServiceNotFoundUsesTheServiceMessagesInBothLanguages() {
        assertThat(problem(zh().get("/test/villages/220303999999"), 404, "not-found").getString("detail"))
                .isEqualTo("没有编码为 220303999999 的村");
        assertThat(problem(en().get("/test/villages/220303999999"), 404, "not-found").getString("detail"))
                .isEqualTo("No village with code 220303999999");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        Response response = en().delete("/test/villages");
        JsonPath body = problem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(body.getString("detail")).isEqualTo("/test/villages does not support DELETE; allowed methods: GET, HEAD, OPTIONS, POST.");
        Response onAVillage = zh().post("/test/villages/220303000001");
        problem(onAVillage, 405, "method-not-allowed");
        assertThat(onAVillage.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS, PUT");
    }

    @Test
    void aWrongContentTypeIs415() {
        long before = db.villages();
        JsonPath body = problem(given().contentType("text/plain").body("code=1").post("/test/villages"), 415, "unsupported-media-type");
        assertThat(body.getString("title")).isEqualTo("不支持的请求内容类型");
        assertThat(body.getString("detail")).contains("text/plain");
        assertThat(db.villages()).isEqualTo(before);
    }

    @Test
    void anUnsatisfiableAcceptIs406InProblemJson() {
        problem(en().accept("application/xml").get("/test/villages/220303000001"), 406, "not-acceptable");
    }

    @Test
    void anOversizedBodyIs413AndChangesNothing() {
        long before = db.villages();
        String name = "长".repeat(400_000); // 1.2 MB in UTF-8, over the chassis default of 1M
        String body = """
                {"code": "%s", "name": "%s", "households": 3, "kind": "ORDINARY"}""".formatted(newCode(), name);
        JsonPath problem = problem(en().contentType("application/json").body(body).post("/test/villages"), 413, "payload-too-large");
        assertThat(problem.getString("title")).isEqualTo("Payload too large");
        assertThat(problem.getString("detail")).isEqualTo("The request body must not exceed 1,048,576 bytes.");
        assertThat(db.villages()).isEqualTo(before);
    }

    /** Without Content-Length, Quarkus itself stops reading and answers 413 with an empty body (ADR 0003). */
    @Test
    void anOversizedChunkedBodyIs413Too() throws Exception {
        long before = db.villages();
        byte[] body = """
                {"code": "%s", "name": "%s", "households": 3, "kind": "ORDINARY"}""".formatted(newCode(), "长".repeat(400_000))
                .getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher has no length, so the body goes chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(villages).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        // HTTP/1.1: the JDK client's default h2c upgrade races the server's early answer.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedMidUpload) {
            // The server may close the connection before the client has finished sending: refused too.
            status = 413;
        }
        assertThat(status).isEqualTo(413);
        assertThat(db.villages()).isEqualTo(before);
    }

    @Test
    void anUnexpectedErrorIs500WithoutInternalsInTheBody() {
        Response response = en().get("/test/villages/broken");
        JsonPath body = problem(response, 500, "internal");
        assertThat(response.asString()).doesNotContain("IllegalStateException", "io.cunjian", "secret", "at ");
        assertThat(body.getString("detail")).contains(body.getString("errorId"));
    }

    @Test
    void aConflictCarriesTheCurrentState() {
        JsonPath body = problem(zh().post("/test/villages/220303000001/verify"), 409, "conflict");
        assertThat(body.getString("detail")).isEqualTo("村 220303000001 已验收，不能再修改");
        assertThat(body.getString("currentState.status")).isEqualTo("VERIFIED");
    }

    @Test
    void aRetryableProblemIs503WithRetryAfter() {
        Response response = en().post("/test/villages/220303000001/work-orders");
        JsonPath body = problem(response, 503, "retryable");
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertThat(body.getString("detail")).isEqualTo("Village 220303000001 has not been seen yet; retry shortly");
    }

    @Test
    void englishIsChosenByQualityNotByPosition() {
        JsonPath body = problem(given().header("Accept-Language", "fr;q=1, zh;q=0.5, en;q=0.8").get("/no/such/thing"), 404, "not-found");
        assertThat(body.getString("title")).isEqualTo("Resource not found");
    }
}
