package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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

/** Villages: registered below a township, as regions too; updated with If-Match; listed with filters; events on Kafka. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"45"})
class VillageResourceTest {

    // A hierarchy of its own (RegionResourceTest registers 22, 2203, 220382, 21, 23 and expects 201).
    static final String TOWNSHIP = "450101001";
    static final String OTHER_TOWNSHIP = "450101002";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;

    @BeforeEach
    void hierarchy() {
        region("45", "测试省");
        region("4501", "测试市");
        region("450101", "测试县");
        region(TOWNSHIP, "测试乡");
        region(OTHER_TOWNSHIP, "另一乡");
    }

    static void region(String code, String name) {
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}")
                .post("/api/v1/regions").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

    static String village(String code, String township, String name, String extra) {
        return "{\"code\":\"" + code + "\",\"townshipCode\":\"" + township + "\",\"name\":\"" + name + "\"" + extra + "}";
    }

    String topic() {
        return prefix + "village.events";
    }

    @Test
    void registersAVillageAsARegionAndPublishesBothEvents() {
        String code = TOWNSHIP + "001";
        String body = village(code, TOWNSHIP, "永加社区", ",\"households\":90,\"population\":260,\"demonstration\":true,"
                + "\"creationYear\":2022,\"creationBatch\":\"第一批\",\"contact\":{\"name\":\"杨萍\",\"phone\":\"0434-7000000\"}");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "village-" + code).body(body)
                .post("/api/v1/villages").then().statusCode(201)
                .header("Location", containsString("/api/v1/villages/" + code)).header("ETag", "\"0\"")
                .body("townshipCode", equalTo(TOWNSHIP)).body("households", equalTo(90));
        // The same request again, same key: the first answer, nothing new.
        given().contentType(ContentType.JSON).header("Idempotency-Key", "village-" + code).body(body)
                .post("/api/v1/villages").then().statusCode(201).header("ETag", "\"0\"");

        given().get("/api/v1/villages/" + code).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("永加社区")).body("population", equalTo(260)).body("demonstration", equalTo(true))
                .body("creationYear", equalTo(2022)).body("creationBatch", equalTo("第一批"))
                .body("contact.name", equalTo("杨萍")).body("contact.phone", equalTo("0434-7000000"));
        given().get("/api/v1/regions/" + code).then().statusCode(200)
                .body("level", equalTo("VILLAGE")).body("parentCode", equalTo(TOWNSHIP)).body("name", equalTo("永加社区"));
        given().get("/api/v1/regions/" + TOWNSHIP + "/children").then().statusCode(200).body("code", hasItem(code));

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, topic(), code, 2);
        assertThat(events).extracting(TopicReader.Event::ceType)
                .containsExactly("cunjian.region.registered.v1", "cunjian.village.registered.v1");
        JsonNode village = EventsOnTopic.data(events.get(1));
        assertThat(village.get("townshipCode").asText()).isEqualTo(TOWNSHIP);
        assertThat(village.get("households").asInt()).isEqualTo(90);
        assertThat(village.get("demonstration").asBoolean()).isTrue();
        assertThat(village.get("contact").get("phone").asText()).isEqualTo("0434-7000000");
        assertThat(village.get("version").asLong()).isZero();
        assertThat(EventsOnTopic.data(events.get(0)).get("level").asText()).isEqualTo("VILLAGE");
    }

    @Test
    void updatesNeedTheCurrentVersionAndPublishTheWholeVillage() {
        String code = TOWNSHIP + "002";
        given().contentType(ContentType.JSON).body(village(code, TOWNSHIP, "孙家", ",\"population\":800"))
                .post("/api/v1/villages").then().statusCode(201);
        String update = "{\"name\":\"孙家村\",\"households\":300,\"population\":1200,\"demonstration\":true,\"creationYear\":2023}";

        given().contentType(ContentType.JSON).body(update).put("/api/v1/villages/" + code).then().statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(update).put("/api/v1/villages/" + code)
                .then().statusCode(412).contentType("application/problem+json");
        assertThat(EventsOnTopic.outboxRows(db, code)).as("only the registration's two events").isEqualTo(2);
        given().get("/api/v1/villages/" + code).then().body("name", equalTo("孙家")).body("population", equalTo(800));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put("/api/v1/villages/" + code)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("孙家村"))
                .body("households", equalTo(300)).body("contact", nullValue());
        given().get("/api/v1/regions/" + code).then().body("name", equalTo("孙家村"));
        // The same details again: nothing changes, no new version, no event.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(update).put("/api/v1/villages/" + code)
                .then().statusCode(200).header("ETag", "\"1\"");

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, topic(), code, 4);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.region.registered.v1",
                "cunjian.village.registered.v1", "cunjian.region.renamed.v1", "cunjian.village.updated.v1");
        JsonNode updated = EventsOnTopic.data(events.get(3));
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        assertThat(updated.get("population").asInt()).isEqualTo(1200);
        assertThat(updated.get("creationYear").asInt()).isEqualTo(2023);
        assertThat(EventsOnTopic.data(events.get(2)).get("previousName").asText()).isEqualTo("孙家");
        assertThat(EventsOnTopic.outboxRows(db, code)).isEqualTo(4);
    }

    /**
     * Region data is read by staff and viewers of the region only (docs/design.md: 403 outside one's role
     * or regions); devices post heartbeats and nothing else. Found open by the end-to-end suite's
     * hostile input: any signed-in caller read any region and village.
     */
    @Test
    void regionsAndVillagesAreReadByStaffAndViewersOfTheirRegionsOnly() {
        // townships of their own: the other tests count the villages of TOWNSHIP and OTHER_TOWNSHIP
        String township = "450101003", other = "450101004";
        region(township, "第三乡");
        region(other, "第四乡");
        String mine = township + "101", theirs = other + "101";
        given().contentType(ContentType.JSON).body(village(mine, township, "本乡村", "")).post("/api/v1/villages").then().statusCode(201);
        given().contentType(ContentType.JSON).body(village(theirs, other, "邻乡村", "")).post("/api/v1/villages").then().statusCode(201);
        String viewer = SignIn.bearer(Tokens.viewer(township));

        given().header("Authorization", viewer).get("/api/v1/villages/" + mine).then().statusCode(200);
        given().header("Authorization", viewer).get("/api/v1/regions/" + township + "/children").then().statusCode(200)
                .body("code", hasItem(mine));
        for (String path : List.of("/api/v1/villages/" + theirs, "/api/v1/regions/" + other,
                "/api/v1/regions/" + other + "/children", "/api/v1/regions/450101", "/api/v1/villages/" + other + "999")) {
            var answer = given().header("Authorization", viewer).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        // a list shows what the caller may see of a wider filter, and refuses one beside its regions
        given().header("Authorization", viewer).queryParam("within", "450101").get("/api/v1/villages").then().statusCode(200)
                .body("items.code", hasItem(mine)).body("items.code", not(hasItem(theirs)));
        given().header("Authorization", viewer).get("/api/v1/regions").then().statusCode(200)
                .body("items.code", everyItem(startsWith(township)));
        given().header("Authorization", viewer).queryParam("within", other).get("/api/v1/villages").then().statusCode(403);
        given().header("Authorization", viewer).queryParam("within", other).get("/api/v1/regions").then().statusCode(403);

        String device = SignIn.bearer(Tokens.device("45"));
        String contractor = SignIn.bearer(Tokens.contractor("91220382MA14CJ0L7E", "45"));
        for (String path : List.of("/api/v1/villages", "/api/v1/villages/" + mine, "/api/v1/regions", "/api/v1/regions/" + township,
                "/api/v1/regions/" + township + "/children")) {
            assertThat(given().header("Authorization", device).get(path).statusCode()).as("device " + path).isEqualTo(403);
            assertThat(given().header("Authorization", contractor).get(path).statusCode()).as("contractor " + path).isEqualTo(403);
        }
        // the catalogues are for every person (a contractor's orders name categories), not for devices
        given().header("Authorization", contractor).get("/api/v1/categories").then().statusCode(200);
        given().header("Authorization", contractor).get("/api/v1/standards").then().statusCode(200);
        for (String path : List.of("/api/v1/categories", "/api/v1/categories/street-lamp-repair", "/api/v1/standards",
                "/api/v1/standards/jilin-illustrative-v1")) {
            assertThat(given().header("Authorization", device).get(path).statusCode()).as("device " + path).isEqualTo(403);
        }
    }

    @Test
    void listsFilterByRegionFlagYearAndName() {
        String a = OTHER_TOWNSHIP + "001", b = OTHER_TOWNSHIP + "002", c = OTHER_TOWNSHIP + "003";
        given().contentType(ContentType.JSON).body(village(a, OTHER_TOWNSHIP, "长岭子村", ",\"demonstration\":true,\"creationYear\":2022"))
                .post("/api/v1/villages").then().statusCode(201);
        given().contentType(ContentType.JSON).body(village(b, OTHER_TOWNSHIP, "前进村", ",\"demonstration\":true,\"creationYear\":2023"))
                .post("/api/v1/villages").then().statusCode(201);
        given().contentType(ContentType.JSON).body(village(c, OTHER_TOWNSHIP, "后进村", ",\"demonstration\":false,\"creationYear\":2023"))
                .post("/api/v1/villages").then().statusCode(201);

        given().queryParam("within", OTHER_TOWNSHIP).get("/api/v1/villages").then().statusCode(200)
                .body("total", equalTo(3)).body("items.code", hasItems(a, b, c));
        given().queryParam("within", OTHER_TOWNSHIP).queryParam("demonstration", "true").get("/api/v1/villages").then()
                .body("total", equalTo(2)).body("items.demonstration", everyItem(equalTo(true)));
        given().queryParam("within", OTHER_TOWNSHIP).queryParam("year", 2023).get("/api/v1/villages").then()
                .body("total", equalTo(2)).body("items.code", hasItems(b, c));
        given().queryParam("within", "450101").queryParam("name", "长岭").get("/api/v1/villages").then()
                .body("total", equalTo(1)).body("items[0].code", equalTo(a));
        given().queryParam("within", OTHER_TOWNSHIP).queryParam("size", 2).queryParam("page", 1).get("/api/v1/villages").then()
                .body("total", equalTo(3)).body("items.code", equalTo(List.of(c)));
        given().queryParam("name", "%").get("/api/v1/villages").then().body("total", equalTo(0));

        given().queryParam("demonstration", "maybe").get("/api/v1/villages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("demonstration"));
        given().queryParam("within", "45x").get("/api/v1/villages").then().statusCode(400).body("errors.field", hasItem("within"));
        given().queryParam("year", "soon").get("/api/v1/villages").then().statusCode(400).contentType("application/problem+json");
    }

    void refused(String code, String body, int status, String... fields) {
        var answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/villages").then().statusCode(status)
                .contentType("application/problem+json");
        if (fields.length > 0) {
            answer.body("errors.field", hasItems(fields));
        }
        assertThat(EventsOnTopic.rows(db, "village", code)).as("village row " + code).isZero();
        assertThat(EventsOnTopic.rows(db, "region", code)).as("region row " + code).isZero();
        assertThat(EventsOnTopic.outboxRows(db, code)).as("events of " + code).isZero();
    }

    @Test
    void refusesBadVillagesNamingTheFieldAndWritesNothing() {
        refused("45010100100", village("45010100100", TOWNSHIP, "短码村", ""), 400, "code");
        refused("4501010010ab", village("4501010010ab", TOWNSHIP, "字母村", ""), 400, "code");
        // under a county, not a township
        refused("450101001090", village("450101001090", "450101", "县下村", ""), 400, "townshipCode");
        // the township named is not the one the code lies in
        refused("450101001091", village("450101001091", OTHER_TOWNSHIP, "错乡村", ""), 400, "code", "townshipCode");
        // a township nobody registered
        refused("450101009001", village("450101009001", "450101009", "无乡村", ""), 400, "townshipCode");
        refused("450101001092", village("450101001092", TOWNSHIP, "负户村", ",\"households\":-1"), 400, "households");
        refused("450101001093", village("450101001093", TOWNSHIP, "负人村", ",\"population\":-5"), 400, "population");
        refused("450101001094", village("450101001094", TOWNSHIP, "字人村", ",\"population\":\"很多\""), 400, "population");
        refused("450101001095", village("450101001095", TOWNSHIP, "半户村", ",\"households\":12.5"), 400, "households");
        refused("450101001096", village("450101001096", TOWNSHIP, "", ""), 400, "name");
        refused("450101001097", village("450101001097", TOWNSHIP, "电话村", ",\"contact\":{\"name\":\"张三\",\"phone\":\"call me\"}"),
                400, "contact.phone");
        // a village-level region must come with its village
        given().contentType(ContentType.JSON).body("{\"code\":\"450101001098\",\"name\":\"只是区划\"}")
                .post("/api/v1/regions").then().statusCode(400).body("errors.field", hasItem("code"));
        assertThat(EventsOnTopic.rows(db, "region", "450101001098")).isZero();
    }

    @Test
    void registeringTwiceIsAConflictAndPublishesNothingMore() {
        String code = TOWNSHIP + "003";
        given().contentType(ContentType.JSON).body(village(code, TOWNSHIP, "重复村", "")).post("/api/v1/villages")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(village(code, TOWNSHIP, "重复村二", "")).post("/api/v1/villages")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/villages/" + code).then().body("name", equalTo("重复村"));
        assertThat(EventsOnTopic.outboxRows(db, code)).isEqualTo(2);
        given().get("/api/v1/villages/" + TOWNSHIP + "999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/villages/" + TOWNSHIP).then().statusCode(400).body("errors.field", hasItem("code"));
    }

    @Test
    void aVillagesRegionIsRenamedThroughTheVillage() {
        String code = TOWNSHIP + "004";
        given().contentType(ContentType.JSON).body(village(code, TOWNSHIP, "改名村", "")).post("/api/v1/villages")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"别名村\"}")
                .put("/api/v1/regions/" + code).then().statusCode(400).body("errors.field", hasItem("code"));
        given().get("/api/v1/regions/" + code).then().body("name", equalTo("改名村"));
    }
}
