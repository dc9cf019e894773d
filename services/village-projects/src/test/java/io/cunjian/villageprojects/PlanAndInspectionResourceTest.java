package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Creation plans (targets checked against the standard, revisions with If-Match) and inspections
 * (items of the plan's standard, history, the latest counts), each write's event read back.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class PlanAndInspectionResourceTest {

    static final String TOWNSHIP = "460101001";
    static final String STANDARD = "test-plans-46";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;

    @BeforeEach
    void hierarchyAndStandard() {
        for (String[] r : new String[][] {{"46", "测试省"}, {"4601", "测试市"}, {"460101", "测试县"}, {TOWNSHIP, "测试乡"}}) {
            given().contentType(ContentType.JSON).body("{\"code\":\"" + r[0] + "\",\"name\":\"" + r[1] + "\"}")
                    .post("/api/v1/regions").then().statusCode(oneOf(201, 409));
        }
        // the default's items, for province 46, published
        int drafted = given().contentType(ContentType.JSON).body("{\"id\":\"" + STANDARD
                + "\",\"scope\":\"46\",\"basedOn\":\"jilin-illustrative-v1\",\"nameZh\":\"测试\",\"nameEn\":\"Test\",\"illustrative\":true}")
                .post("/api/v1/standards").then().statusCode(oneOf(201, 409)).extract().statusCode();
        if (drafted == 201) {
            given().header("If-Match", "\"0\"").post("/api/v1/standards/" + STANDARD + "/publish").then().statusCode(200);
        }
    }

    static String village(String code) {
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\",\"townshipCode\":\"" + TOWNSHIP
                + "\",\"name\":\"村" + code.substring(9) + "\"}").post("/api/v1/villages").then().statusCode(201);
        return code;
    }

    static String plan(String standard, String workTargets, String note) {
        return "{\"standardId\":\"" + standard + "\",\"deadline\":\"2026-12-31\",\"workTargets\":" + workTargets
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    static final String LIGHTING = "[{\"itemCode\":\"street-lighting\",\"categoryCode\":\"street-lamp-repair\",\"quantity\":80},"
            + "{\"itemCode\":\"street-lighting\",\"categoryCode\":\"lamp-head-replacement\",\"quantity\":140}]";

    @Test
    void aPlanIsSetThenRevisedWithIfMatchAndEachRevisionIsKept() {
        String code = village(TOWNSHIP + "001");
        given().contentType(ContentType.JSON).body(plan(STANDARD, LIGHTING, "第一版")).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(201).header("ETag", "\"1\"").body("revision", equalTo(1))
                .body("workTargets.size()", equalTo(2)).body("coverageTargets[0].itemCode", equalTo("camera-coverage"))
                .body("coverageTargets[0].requiredCoveragePercent", equalTo(100))
                .body("changedBy", equalTo("test-district-admin"));

        String revised = plan(STANDARD, LIGHTING.replace("140", "150"), "灯头增加") .replace("}", "}").replace(
                "\"workTargets\"", "\"coverageTargets\":[{\"itemCode\":\"camera-coverage\",\"minimumOperationalCameras\":12}],\"workTargets\"");
        given().contentType(ContentType.JSON).body(revised).put("/api/v1/villages/" + code + "/plan").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(revised).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(412);
        assertThat(EventsOnTopic.outboxRows(db, code)).as("registration's two and the plan's one").isEqualTo(3);

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(revised).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("coverageTargets[0].minimumOperationalCameras", equalTo(12));
        // the same plan again: no revision, no event
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(revised).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(200).header("ETag", "\"2\"");

        given().get("/api/v1/villages/" + code + "/plan/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(2, 1))).body("note", equalTo(List.of("灯头增加", "第一版")))
                .body("[1].workTargets.find { it.categoryCode == 'lamp-head-replacement' }.quantity", equalTo(140));

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "village.events", code, 4);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.region.registered.v1",
                "cunjian.village.registered.v1", "cunjian.plan.set.v1", "cunjian.plan.changed.v1");
        JsonNode set = EventsOnTopic.data(events.get(2));
        assertThat(set.get("standardId").asText()).isEqualTo(STANDARD);
        assertThat(set.get("workTargets").get(0).get("unit").asText()).isEqualTo("LAMP");
        assertThat(set.get("workTargets").get(0).get("quantity").decimalValue()).isEqualByComparingTo("80");
        JsonNode changed = EventsOnTopic.data(events.get(3));
        assertThat(changed.get("revision").asInt()).isEqualTo(2);
        assertThat(changed.get("coverageTargets").get(0).get("minimumOperationalCameras").asInt()).isEqualTo(12);
        assertThat(changed.get("note").asText()).isEqualTo("灯头增加");
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndWriteNothing() {
        String code = village(TOWNSHIP + "002");
        String url = "/api/v1/villages/" + code + "/plan";
        // a category the item does not count (flowers under street lighting)
        given().contentType(ContentType.JSON)
                .body(plan(STANDARD, "[{\"itemCode\":\"street-lighting\",\"categoryCode\":\"flower\",\"quantity\":10}]", null))
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("workTargets[0].categoryCode"));
        // an unknown item
        given().contentType(ContentType.JSON)
                .body(plan(STANDARD, "[{\"itemCode\":\"no-such-item\",\"categoryCode\":\"flower\",\"quantity\":10}]", null))
                .put(url).then().statusCode(400).body("errors.field", hasItem("workTargets[0].itemCode"));
        // negative, zero and non-numeric quantities
        for (String quantity : new String[] {"-5", "0", "\"abc\"", "\"80\"", "1e400"}) {
            given().contentType(ContentType.JSON)
                    .body(plan(STANDARD, "[{\"itemCode\":\"street-lighting\",\"categoryCode\":\"street-lamp-repair\",\"quantity\":" + quantity + "}]", null))
                    .put(url).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("workTargets[0].quantity"));
        }
        // a standard that does not cover the village (Jilin's default, scope 22), and an unknown one
        given().contentType(ContentType.JSON).body(plan("jilin-illustrative-v1", "[]", null)).put(url).then().statusCode(400)
                .body("errors.field", hasItem("standardId"));
        given().contentType(ContentType.JSON).body(plan("no-such-standard", "[]", null)).put(url).then().statusCode(400)
                .body("errors.field", hasItem("standardId"));
        // coverage above 100 %
        given().contentType(ContentType.JSON).body("{\"standardId\":\"" + STANDARD
                + "\",\"coverageTargets\":[{\"itemCode\":\"camera-coverage\",\"requiredCoveragePercent\":120}]}")
                .put(url).then().statusCode(400).body("errors.field", hasItem("coverageTargets[0].requiredCoveragePercent"));

        given().get(url).then().statusCode(404);
        assertThat(EventsOnTopic.outboxRows(db, code)).as("only the registration's events").isEqualTo(2);
        given().put("/api/v1/villages/460101001999/plan").then().statusCode(oneOf(400, 415));
        given().contentType(ContentType.JSON).body(plan(STANDARD, "[]", null)).put("/api/v1/villages/460101001999/plan")
                .then().statusCode(404);
    }

    @Test
    void inspectionsOfTheStandardsItemsAreKeptAndTheLatestCounts() {
        String code = village(TOWNSHIP + "003");
        String url = "/api/v1/villages/" + code + "/inspections";
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String earlier = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10).toString();

        // no plan yet: nothing to inspect
        given().contentType(ContentType.JSON).body(inspection("no-ruined-walls", "FAIL", earlier)).post(url).then()
                .statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(plan(STANDARD, "[]", null)).put("/api/v1/villages/" + code + "/plan")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).header("Idempotency-Key", "insp-" + code + "-1")
                .body(inspection("no-ruined-walls", "FAIL", earlier)).post(url).then().statusCode(201)
                .body("verdict", equalTo("FAIL")).body("standardId", equalTo(STANDARD)).body("inspector", equalTo("王检查"));
        // a retry with the same key records nothing new
        given().contentType(ContentType.JSON).header("Idempotency-Key", "insp-" + code + "-1")
                .body(inspection("no-ruined-walls", "FAIL", earlier)).post(url).then().statusCode(201);
        given().contentType(ContentType.JSON).body(inspection("no-ruined-walls", "PASS", today)).post(url).then().statusCode(201);
        given().contentType(ContentType.JSON).body(inspection("village-plan", "PASS", earlier)).post(url).then().statusCode(201);

        given().get(url + "?item=no-ruined-walls").then().statusCode(200).body("total", equalTo(2))
                .body("items.verdict", equalTo(List.of("PASS", "FAIL")));
        given().get(url + "/latest").then().statusCode(200).body("size()", equalTo(2))
                .body("find { it.itemCode == 'no-ruined-walls' }.verdict", equalTo("PASS"))
                .body("find { it.itemCode == 'village-plan' }.photos[0]", equalTo("https://photos.example.cn/1.jpg"));

        // refused: not an inspection item, a future date, an unknown verdict, a bad link
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        given().contentType(ContentType.JSON).body(inspection("street-lighting", "PASS", earlier)).post(url).then()
                .statusCode(400).body("errors.field", hasItem("itemCode"));
        given().contentType(ContentType.JSON).body(inspection("no-such-item", "PASS", earlier)).post(url).then()
                .statusCode(400).body("errors.field", hasItem("itemCode"));
        given().contentType(ContentType.JSON).body(inspection("village-plan", "PASS", tomorrow)).post(url).then()
                .statusCode(400).body("errors.field", hasItem("inspectedOn"));
        given().contentType(ContentType.JSON).body(inspection("village-plan", "MAYBE", earlier)).post(url).then()
                .statusCode(400).body("errors.field", hasItem("verdict"));
        given().contentType(ContentType.JSON).body(inspection("village-plan", "PASS", earlier).replace("https://", "javascript:"))
                .post(url).then().statusCode(400).body("errors.field", hasItem("photos[0]"));
        given().get(url).then().body("total", equalTo(3));

        // township staff of another county may not record; a viewer of the region may read
        given().header("Authorization", SignIn.bearer(Tokens.townshipStaff("460102"))).contentType(ContentType.JSON)
                .body(inspection("village-plan", "PASS", earlier)).post(url).then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.viewer("4601"))).get(url + "/latest").then().statusCode(200);
        given().header("Authorization", SignIn.bearer(Tokens.viewer("4601"))).contentType(ContentType.JSON)
                .body(inspection("village-plan", "PASS", earlier)).post(url).then().statusCode(403);

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "village.events", code, 6);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.region.registered.v1",
                "cunjian.village.registered.v1", "cunjian.plan.set.v1", "cunjian.inspection.recorded.v1",
                "cunjian.inspection.recorded.v1", "cunjian.inspection.recorded.v1");
        JsonNode first = EventsOnTopic.data(events.get(3));
        assertThat(first.get("itemCode").asText()).isEqualTo("no-ruined-walls");
        assertThat(first.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(first.get("inspectedOn").asText()).isEqualTo(earlier);
        assertThat(first.get("standardId").asText()).isEqualTo(STANDARD);
    }

    static String inspection(String item, String verdict, String date) {
        return "{\"itemCode\":\"" + item + "\",\"verdict\":\"" + verdict + "\",\"inspectedOn\":\"" + date
                + "\",\"inspector\":\"王检查\",\"notes\":\"现场查看\",\"photos\":[\"https://photos.example.cn/1.jpg\"]}";
    }
}
