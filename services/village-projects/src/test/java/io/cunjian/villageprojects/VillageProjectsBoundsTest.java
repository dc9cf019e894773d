package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.testing.BoundsContract;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RequestBounds;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every bounded field of every village-projects request body, at its bound and one past it
 * ({@link BoundsContract}); this class only sets each operation up, in a hierarchy of its own (44…):
 * a published standard whose id and only item code are as long as codes can be.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"44"})
class VillageProjectsBoundsTest extends BoundsContract {

    static final String TOWNSHIP = "440101001";
    static final String STANDARD = "bounds-standard-" + "s".repeat(34);
    static final String ITEM = "bounds-item-" + "i".repeat(38);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    @Inject
    DataSource db;

    @BeforeEach
    void hierarchyAndStandard() {
        for (String[] r : new String[][] {{"44", "边界省"}, {"4401", "边界市"}, {"440101", "边界县"}, {TOWNSHIP, "边界乡"}}) {
            post("/api/v1/regions", body("code", r[0]).put("name", r[1])).then().statusCode(oneOf(201, 409));
        }
        ObjectNode standard = standardContent().put("id", STANDARD).put("scope", "44");
        if (post("/api/v1/standards", standard).then().statusCode(oneOf(201, 409)).extract().statusCode() == 201) {
            given().header("If-Match", "\"0\"").post("/api/v1/standards/" + STANDARD + "/publish").then().statusCode(200);
        }
    }

    @Override
    protected Attempt attempt(RequestBounds.Bound bound) {
        return switch (bound.operation()) {
            case "POST /api/v1/categories" -> {
                Attempt a = new Attempt("POST", "/api/v1/categories", Map.of(), category(kebab("bc", 10)),
                        () -> total("/api/v1/categories"));
                yield bound.field().equals("code") ? a.atBound(text(kebab("bc", 50))) : a;
            }
            case "PUT /api/v1/categories/{code}" -> {
                String code = kebab("bc", 10);
                post("/api/v1/categories", category(code)).then().statusCode(201);
                yield update("/api/v1/categories/" + code, body("nameZh", "边界类别改").put("nameEn", "Renamed"));
            }
            case "POST /api/v1/regions" -> {
                Attempt a = new Attempt("POST", "/api/v1/regions", Map.of(), body("code", township()).put("name", "边界新乡"),
                        () -> total("/api/v1/regions?within=44"));
                // a 12-digit code is a village's: /regions refuses it and names /villages (400 naming code)
                yield bound.field().equals("code") ? a.noAtBound("a 12-digit code is registered through /villages") : a;
            }
            case "PUT /api/v1/regions/{code}" -> {
                String code = township();
                post("/api/v1/regions", body("code", code).put("name", "边界旧乡")).then().statusCode(201);
                yield update("/api/v1/regions/" + code, body("name", "边界改名乡"));
            }
            case "POST /api/v1/standards" -> {
                ObjectNode draft = body("id", kebab("bs", 10)).put("scope", "44").put("basedOn", STANDARD)
                        .put("nameZh", "边界草案").put("nameEn", "Bounds draft").put("illustrative", true);
                Attempt a = new Attempt("POST", "/api/v1/standards", Map.of(), draft, () -> total("/api/v1/standards"));
                yield switch (bound.field()) {
                    case "id" -> a.atBound(text(kebab("bs", 50)));
                    case "scope" -> a.atBound(text(village()));
                    case "basedOn" -> a.atBound(text(STANDARD));
                    default -> a;
                };
            }
            case "PUT /api/v1/standards/{id}" -> {
                String id = kebab("bs", 10);
                post("/api/v1/standards", standardContent().put("id", id).put("scope", "44")).then().statusCode(201);
                yield update("/api/v1/standards/" + id, standardContent());
            }
            case "POST /api/v1/villages" -> {
                Attempt a = new Attempt("POST", "/api/v1/villages", Map.of(), villageBody(nextVillageCode()),
                        () -> total("/api/v1/villages?within=44"));
                yield switch (bound.field()) {
                    case "code" -> a.atBound(text(nextVillageCode()));
                    case "townshipCode" -> a.atBound(text(TOWNSHIP));
                    default -> phone(bound, a);
                };
            }
            case "PUT /api/v1/villages/{code}" -> {
                ObjectNode details = villageBody(village());
                String code = details.remove("code").asText();
                details.remove("townshipCode");
                yield phone(bound, update("/api/v1/villages/" + code, details));
            }
            case "POST /api/v1/villages/{code}/inspections" -> {
                String code = village();
                given().contentType(ContentType.JSON).body(plan().toString()).put("/api/v1/villages/" + code + "/plan")
                        .then().statusCode(201);
                ObjectNode inspection = body("itemCode", ITEM).put("verdict", "PASS")
                        .put("inspectedOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString())
                        .put("inspector", "王检查").put("notes", "完好");
                inspection.putArray("photos").add("https://example.org/photos/1.jpg");
                String url = "/api/v1/villages/" + code + "/inspections";
                yield new Attempt("POST", url, Map.of(), inspection, () -> total(url)).atBound(
                        bound.field().equals("itemCode") ? text(ITEM) : null);
            }
            case "PUT /api/v1/villages/{code}/plan" -> {
                String code = village();
                String url = "/api/v1/villages/" + code + "/plan";
                Attempt a = new Attempt("PUT", url, Map.of(), plan(),
                        () -> List.of(given().get(url).statusCode(), EventsOnTopic.outboxRows(db, code)));
                yield bound.field().equals("standardId") ? a.atBound(text(STANDARD)) : a;
            }
            default -> throw new AssertionError(bound.operation() + " has bounded fields this test cannot set up: add it");
        };
    }

    /** A phone number as long as the pattern allows: a plus, then 25 digits. */
    private static Attempt phone(RequestBounds.Bound bound, Attempt attempt) {
        return bound.field().equals("contact.phone") ? attempt.atBound(text("+1" + "3".repeat(24))) : attempt;
    }

    /** A change of an existing resource, sent with its current ETag; what it would change is its version. */
    private static Attempt update(String url, ObjectNode body) {
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        return new Attempt("PUT", url, Map.of("If-Match", etag), body,
                () -> given().get(url).then().statusCode(200).extract().header("ETag"));
    }

    private static ObjectNode standardContent() {
        ObjectNode content = body("nameZh", "边界标准").put("nameEn", "Bounds standard").put("illustrative", true);
        content.putArray("items").addObject().put("code", ITEM).put("kind", "HAVE").put("labelZh", "有边界")
                .put("labelEn", "Bounds").put("measure", "INSPECTION");
        return content;
    }

    private static ObjectNode plan() {
        ObjectNode plan = body("standardId", STANDARD).put("deadline", "2027-12-31").put("note", "边界");
        plan.putArray("workTargets");
        plan.putArray("coverageTargets");
        return plan;
    }

    private static ObjectNode category(String code) {
        return body("code", code).put("nameZh", "边界类别").put("nameEn", "Bounds category").put("unit", "LAMP")
                .put("group", "LIGHTING");
    }

    private static ObjectNode villageBody(String code) {
        ObjectNode village = body("code", code).put("townshipCode", TOWNSHIP).put("name", "边界村");
        village.putObject("contact").put("name", "张三").put("phone", "13904340000");
        return village;
    }

    /** A registered village of the bounds township. */
    private static String village() {
        String code = nextVillageCode();
        post("/api/v1/villages", villageBody(code)).then().statusCode(201);
        return code;
    }

    private static String nextVillageCode() {
        return TOWNSHIP + SERIAL.getAndIncrement();
    }

    private static String township() {
        return "440101" + SERIAL.getAndIncrement();
    }

    /** A code in lower-case kebab case, fresh, exactly {@code length} characters long. */
    private static String kebab(String prefix, int length) {
        String head = prefix + SERIAL.getAndIncrement() + "-";
        return head + "a".repeat(length - head.length());
    }

    private static Object total(String url) {
        return given().queryParam("size", 1).get(url).then().statusCode(200).extract().path("total");
    }

    private static io.restassured.response.Response post(String url, ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post(url);
    }

    private static JsonNode text(String value) {
        return value == null ? null : JSON.textNode(value);
    }

    private static ObjectNode body(String field, String value) {
        return JSON.objectNode().put(field, value);
    }
}
