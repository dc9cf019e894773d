package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.events.EventSchemas;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TopicReader;
import io.cunjian.villageprojects.domain.CategoryService;
import io.cunjian.villageprojects.domain.DefaultCatalogue;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The work-category catalogue: the default categories with their events, staff additions, renames, fixed units. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"22"})
class CategoryResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    CategoryService service;

    String topic() {
        return prefix + "village.events";
    }

    @Test
    void theDefaultCatalogueIsDefinedOnceAtStartWithAnEventEach() {
        given().queryParam("size", 500).get("/api/v1/categories").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(22))
                .body("items.code", hasItems("street-lamp-repair", "lamp-head-replacement", "landscape-tree", "publicity-board"));
        given().get("/api/v1/categories/street-lamp-repair").then().statusCode(200).header("ETag", "\"0\"")
                .body("nameZh", equalTo("路灯维修")).body("nameEn", equalTo("Street lamp repair"))
                .body("unit", equalTo("LAMP")).body("unitZh", equalTo("盏")).body("group", equalTo("LIGHTING"));
        given().get("/api/v1/categories/flower-grass-seed").then().body("unit", equalTo("JIN")).body("unitZh", equalTo("斤"));
        given().get("/api/v1/categories/wooden-bench").then().body("unitZh", equalTo("条")).body("group", equalTo("AMENITY"));

        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, topic(), Duration.ofSeconds(30),
                read -> DefaultCatalogue.ENTRIES.stream().allMatch(entry -> read.stream()
                        .anyMatch(e -> ("category:" + entry.code()).equals(e.key()))));
        Map<String, Long> definedPerKey = events.stream().filter(e -> "cunjian.category.defined.v1".equals(e.ceType()))
                .collect(Collectors.groupingBy(TopicReader.Event::key, Collectors.counting()));
        for (DefaultCatalogue.Entry entry : DefaultCatalogue.ENTRIES) {
            assertThat(definedPerKey).as(entry.code()).containsEntry("category:" + entry.code(), 1L);
        }
        for (TopicReader.Event e : events) {
            if (e.key() != null && e.key().startsWith("category:")) {
                assertThat(EventSchemas.problems(e.ceType(), EventsOnTopic.data(e))).as(e.data()).isEmpty();
            }
        }
        JsonNode lamp = events.stream().filter(e -> "category:street-lamp-repair".equals(e.key())).findFirst()
                .map(EventsOnTopic::data).orElseThrow();
        assertThat(lamp.get("unit").asText()).isEqualTo("LAMP");
        assertThat(lamp.get("unitZh").asText()).isEqualTo("盏");

        // Another start (or another instance) defines nothing and publishes nothing.
        assertThat(service.defineMissing(DefaultCatalogue.ENTRIES)).isZero();
        assertThat(EventsOnTopic.outboxRows(db, "category:street-lamp-repair")).isEqualTo(1);
    }

    @Test
    void staffDefineACategoryAndCorrectItsNamesButNeverItsUnit() {
        String body = "{\"code\":\"solar-lamp\",\"nameZh\":\"太阳能路灯\",\"nameEn\":\"Solar lamps\",\"unit\":\"LAMP\",\"group\":\"LIGHTING\"}";
        given().contentType(ContentType.JSON).header("Idempotency-Key", "define-solar-lamp").body(body)
                .post("/api/v1/categories").then().statusCode(201)
                .header("Location", containsString("/api/v1/categories/solar-lamp")).header("ETag", "\"0\"")
                .body("unitZh", equalTo("盏"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "define-solar-lamp").body(body)
                .post("/api/v1/categories").then().statusCode(201).header("ETag", "\"0\"");

        String rename = "{\"nameZh\":\"太阳能灯\",\"nameEn\":\"Solar street lamps\"}";
        given().contentType(ContentType.JSON).body(rename).put("/api/v1/categories/solar-lamp").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(rename).put("/api/v1/categories/solar-lamp")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"nameZh\":\"太阳能灯\",\"nameEn\":\"Solar street lamps\",\"unit\":\"PIECE\"}")
                .put("/api/v1/categories/solar-lamp").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("unit"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"nameZh\":\"太阳能灯\",\"nameEn\":\"Solar street lamps\",\"group\":\"ROAD\"}")
                .put("/api/v1/categories/solar-lamp").then().statusCode(400).body("errors.field", hasItem("group"));
        given().get("/api/v1/categories/solar-lamp").then().header("ETag", "\"0\"").body("nameZh", equalTo("太阳能路灯"))
                .body("unit", equalTo("LAMP"));
        assertThat(EventsOnTopic.outboxRows(db, "category:solar-lamp")).isEqualTo(1);

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"nameZh\":\"太阳能灯\",\"nameEn\":\"Solar street lamps\",\"unit\":\"LAMP\"}")
                .put("/api/v1/categories/solar-lamp").then().statusCode(200).header("ETag", "\"1\"")
                .body("nameZh", equalTo("太阳能灯")).body("unit", equalTo("LAMP"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rename).put("/api/v1/categories/solar-lamp")
                .then().statusCode(409).contentType("application/problem+json");

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, topic(), "category:solar-lamp", 2);
        assertThat(events).extracting(TopicReader.Event::ceType)
                .containsExactly("cunjian.category.defined.v1", "cunjian.category.renamed.v1");
        JsonNode renamed = EventsOnTopic.data(events.get(1));
        assertThat(renamed.get("previousNameZh").asText()).isEqualTo("太阳能路灯");
        assertThat(renamed.get("nameEn").asText()).isEqualTo("Solar street lamps");
        assertThat(renamed.get("version").asLong()).isEqualTo(1);
    }

    void refused(String code, String body, int status, String... fields) {
        var answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/categories").then().statusCode(status)
                .contentType("application/problem+json");
        if (fields.length > 0) {
            answer.body("errors.field", hasItems(fields));
        }
        assertThat(EventsOnTopic.rows(db, "work_category", code)).as("row " + code).isLessThanOrEqualTo(status == 409 ? 1 : 0);
        assertThat(EventsOnTopic.outboxRows(db, "category:" + code)).as("events of " + code)
                .isEqualTo(status == 409 ? 1 : 0);
    }

    static String category(String code, String unit, String group) {
        return "{\"code\":\"" + code + "\",\"nameZh\":\"测试\",\"nameEn\":\"Test\",\"unit\":\"" + unit + "\",\"group\":\"" + group + "\"}";
    }

    @Test
    void refusesBadCategoriesNamingTheFieldAndWritesNothing() {
        refused("Street_Lamp", category("Street_Lamp", "LAMP", "LIGHTING"), 400, "code");
        refused("lamp-", category("lamp-", "LAMP", "LIGHTING"), 400, "code");
        refused("bucket-thing", category("bucket-thing", "BUCKET", "LIGHTING"), 400, "unit");
        refused("bucket-thing", category("bucket-thing", "桶", "LIGHTING"), 400, "unit");
        refused("odd-group", category("odd-group", "PIECE", "PARKS"), 400, "group");
        refused("no-names", "{\"code\":\"no-names\",\"unit\":\"PIECE\",\"group\":\"AMENITY\"}", 400, "nameZh", "nameEn");
        refused("street-lamp-repair", category("street-lamp-repair", "PIECE", "LIGHTING"), 409);
        given().get("/api/v1/categories/street-lamp-repair").then().body("unit", equalTo("LAMP"));
        given().get("/api/v1/categories/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsFilterByGroup() {
        given().queryParam("group", "GREENING").get("/api/v1/categories").then().statusCode(200)
                .body("items.group", everyItem(equalTo("GREENING")))
                .body("items.code", hasItems("landscape-tree", "flower", "flower-wall"));
        given().queryParam("group", "PARKS").get("/api/v1/categories").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
