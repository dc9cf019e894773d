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
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Every bounded request field of every village-projects operation — body fields, query, path and header
 * parameters — at its bound and one past it ({@link BoundsContract}); this class only sets each operation
 * up, in a hierarchy of its own (44…): a published standard whose id and only item code are as long as
 * codes can be, and one with as many items as a standard takes (20 camera-coverage items, one work item
 * counting lighting, inspections), with 200 lighting categories, so that a plan can have as many targets
 * as a plan takes.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"44"})
class VillageProjectsBoundsTest extends BoundsContract {

    static final String TOWNSHIP = "440101001";
    static final String STANDARD = "bounds-standard-" + "s".repeat(34);
    static final String ITEM = "bounds-item-" + "i".repeat(38);
    static final String FULL = "bounds-full-" + "f".repeat(38);
    /** 200 lighting categories: a plan's work targets are one per category an item counts, and a group is counted once. */
    static final List<String> LAMPS = java.util.stream.IntStream.range(100, 300)
            .mapToObj(i -> "bounds-lamp-" + i + "-" + "l".repeat(34)).toList();
    /** A village code of the bounds township that no test registers: a filter as long as a filter can be. */
    static final String UNUSED = TOWNSHIP + "999";
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
        LAMPS.forEach(code -> post("/api/v1/categories", category(code)).then().statusCode(oneOf(201, 409)));
        ObjectNode full = standardContent().put("id", FULL).put("scope", "44").set("items", items(60));
        if (post("/api/v1/standards", full).then().log().ifValidationFails().statusCode(oneOf(201, 409)).extract().statusCode() == 201) {
            given().header("If-Match", "\"0\"").post("/api/v1/standards/" + FULL + "/publish").then().statusCode(200);
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
                String code = kebab("bc", 50);
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
                Attempt a = update("/api/v1/regions/" + code, body("name", "边界改名乡"));
                yield bound.field().equals("code") ? a.noAtBound("a 12-digit code is a village's, changed through /villages") : a;
            }
            case "POST /api/v1/standards" -> {
                ObjectNode draft = body("id", kebab("bs", 10)).put("scope", "44").put("basedOn", STANDARD)
                        .put("nameZh", "边界草案").put("nameEn", "Bounds draft").put("illustrative", true);
                Attempt a = new Attempt("POST", "/api/v1/standards", Map.of(), draft, () -> total("/api/v1/standards"));
                yield switch (bound.field()) {
                    case "id" -> a.atBound(text(kebab("bs", 50)));
                    case "scope" -> a.atBound(text(village()));
                    case "basedOn" -> a.atBound(text(STANDARD));
                    // a draft of its own items, not based on another
                    case "items" -> new Attempt("POST", "/api/v1/standards", Map.of(),
                            standardContent().put("id", kebab("bs", 10)).put("scope", "44"), a.written()).atBound(items(60));
                    default -> a;
                };
            }
            case "PUT /api/v1/standards/{id}" -> {
                String id = kebab("bs", 50);
                post("/api/v1/standards", standardContent().put("id", id).put("scope", "44")).then().statusCode(201);
                Attempt a = update("/api/v1/standards/" + id, standardContent());
                yield bound.field().equals("items") ? a.atBound(items(60)) : a;
            }
            case "POST /api/v1/standards/{id}/publish" -> {
                String id = kebab("bs", 50);
                post("/api/v1/standards", standardContent().put("id", id).put("scope", "44")).then().statusCode(201);
                yield new Attempt("POST", "/api/v1/standards/" + id + "/publish", Map.of("If-Match", "\"0\""), null,
                        () -> given().get("/api/v1/standards/" + id).then().statusCode(200).extract().header("ETag"));
            }
            // reads: lists filtered by values as long as each filter takes, and resources whose codes are
            // the templates of the imports, in the longest format name (xlsx)
            case "GET /api/v1/villages/import/template", "GET /api/v1/villages/plans/import/template" ->
                    Attempt.read(bound.path() + "?format=xlsx");
            case "GET /api/v1/categories" -> Attempt.read("/api/v1/categories");
            case "GET /api/v1/categories/{code}" -> Attempt.read("/api/v1/categories/" + LAMPS.get(0));
            case "GET /api/v1/regions" -> Attempt.read("/api/v1/regions?within=" + UNUSED);
            case "GET /api/v1/regions/{code}", "GET /api/v1/regions/{code}/children", "GET /api/v1/villages/{code}" ->
                    Attempt.read(bound.path().replace("{code}", village()));
            case "GET /api/v1/standards" -> Attempt.read("/api/v1/standards?covering=" + UNUSED);
            case "GET /api/v1/standards/{id}" -> Attempt.read("/api/v1/standards/" + STANDARD);
            case "GET /api/v1/villages" -> Attempt.read("/api/v1/villages?within=" + UNUSED + "&demonstration=false&year=2026");
            case "GET /api/v1/villages/{code}/inspections" -> Attempt.read("/api/v1/villages/" + planned() + "/inspections?item=" + ITEM);
            case "GET /api/v1/villages/{code}/inspections/latest", "GET /api/v1/villages/{code}/plan",
                    "GET /api/v1/villages/{code}/plan/revisions" -> Attempt.read(bound.path().replace("{code}", planned()));
            case "GET /api/v1/villages/{code}/inspections/{id}" -> {
                String url = "/api/v1/villages/" + planned() + "/inspections";
                yield Attempt.read(url + "/" + post(url, inspection()).then().statusCode(201).extract().path("id"));
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
                String url = "/api/v1/villages/" + planned() + "/inspections";
                yield new Attempt("POST", url, Map.of(), inspection(), () -> total(url)).atBound(
                        bound.field().equals("itemCode") ? text(ITEM) : null);
            }
            case "PUT /api/v1/villages/{code}/plan" -> {
                String code = village();
                String url = "/api/v1/villages/" + code + "/plan";
                given().contentType(ContentType.JSON).body(plan(FULL).toString()).put(url).then().statusCode(201);
                Attempt changed = update(url, plan(FULL));
                Attempt a = new Attempt("PUT", url, changed.headers(), changed.body(),
                        () -> List.of(given().get(url).header("ETag"), EventsOnTopic.outboxRows(db, code)));
                yield switch (bound.field()) {
                    case "workTargets" -> a.atBound(workTargets());
                    case "coverageTargets" -> a.atBound(coverageTargets());
                    default -> a;
                };
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

    /** A village of the bounds township with a plan to the standard of one item (ITEM). */
    private static String planned() {
        String code = village();
        given().contentType(ContentType.JSON).body(plan(STANDARD).toString()).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(201);
        return code;
    }

    private static ObjectNode inspection() {
        ObjectNode inspection = body("itemCode", ITEM).put("verdict", "PASS")
                .put("inspectedOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString())
                .put("inspector", "王检查").put("notes", "完好");
        inspection.putArray("photos").add("https://example.org/photos/1.jpg");
        return inspection;
    }

    /** {@code n} items, each a code of its own: 20 camera coverage, one work item counting lighting, inspections. */
    private static ArrayNode items(int n) {
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < n; i++) {
            String measure = i < 20 ? "CAMERA_COVERAGE" : i == 20 ? "WORK_QUANTITY" : "INSPECTION";
            ObjectNode item = items.addObject().put("code", i == 20 ? "work-lamps" : "item-" + i).put("kind", "HAVE")
                    .put("labelZh", "边界条目" + i).put("labelEn", "Bounds item " + i).put("measure", measure);
            if (i == 20) {
                item.putArray("countsGroups").add("LIGHTING");
            }
        }
        return items;
    }

    /** As many work targets as a plan takes (200): FULL's work item, once for each lighting category. */
    private static ArrayNode workTargets() {
        ArrayNode targets = JSON.arrayNode();
        LAMPS.forEach(lamp -> targets.addObject().put("itemCode", "work-lamps").put("categoryCode", lamp).put("quantity", 10));
        return targets;
    }

    /** As many coverage targets as a plan takes (20): one for each of FULL's camera-coverage items. */
    private static ArrayNode coverageTargets() {
        ArrayNode targets = JSON.arrayNode();
        for (int i = 0; i < 20; i++) {
            targets.addObject().put("itemCode", "item-" + i).put("requiredCoveragePercent", 100);
        }
        return targets;
    }

    private static ObjectNode plan(String standard) {
        ObjectNode plan = body("standardId", standard).put("deadline", "2027-12-31").put("note", "边界");
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
