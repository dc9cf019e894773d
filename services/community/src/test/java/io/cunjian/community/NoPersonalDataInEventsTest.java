package io.cunjian.community;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.community.events.CommunityEvents;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Events carry ids, codes, numbers and enumerated values only (docs/adr/0038-personal-data-in-community.md): every
 * string a community event schema declares is held by a pattern, an enum or a format, and every event this
 * service put on community.events — each type, after every use case has run — holds no free text and none of the
 * names and addresses the test recorded.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"220303"})
class NoPersonalDataInEventsTest {

    static final String VILLAGE = "220303102201";
    static final Set<String> TYPES = Set.of(CommunityEvents.HOUSEHOLD_REGISTERED, CommunityEvents.MEMBER_ADDED,
            CommunityEvents.MEMBER_ERASED, CommunityEvents.GRID_CHANGED);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica replica;

    @Test
    void everyStringOfEveryCommunityEventSchemaIsConstrained() throws IOException {
        List<Path> schemas = communitySchemas();
        assertThat(schemas).extracting(p -> p.getFileName().toString().replace(".json", ""))
                .containsExactlyInAnyOrderElementsOf(TYPES);
        List<String> free = new ArrayList<>();
        for (Path schema : schemas) {
            freeText(schema.getFileName().toString(), JSON.readTree(schema.toFile()), free);
        }
        assertThat(free).as("free-text strings in the community event schemas").isEmpty();
    }

    @Test
    void noEventCarriesANameAnAddressOrFreeText() throws IOException {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            households.add(given().contentType(ContentType.JSON)
                    .body(Fixtures.householdBody(VILLAGE, "隐私街 " + i + " 号", 3, "隐私户主" + i)).post("/api/v1/households")
                    .then().statusCode(201).extract().path("id"));
        }
        String member = given().contentType(ContentType.JSON).body("{\"name\":\"隐私成员\",\"relation\":\"PARENT\",\"aged14OrOver\":true}")
                .post("/api/v1/households/" + households.get(0) + "/members").then().statusCode(201).extract().path("id");
        String group = given().contentType(ContentType.JSON).body(Fixtures.groupBody(VILLAGE, households.subList(0, 5), member))
                .post("/api/v1/groups").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"householdId\":\"" + households.get(5) + "\"}")
                .post("/api/v1/groups/" + group + "/households").then().statusCode(200);
        given().delete("/api/v1/groups/" + group + "/households/" + households.get(5)).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "*").body("{\"personId\":\"" + member + "\"}")
                .put("/api/v1/groups/" + group + "/leader").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"personId\":\"" + member + "\",\"role\":\"MEMBER\"}")
                .post("/api/v1/villages/" + VILLAGE + "/teams/MANAGEMENT/members").then().statusCode(200);
        given().delete("/api/v1/villages/" + VILLAGE + "/teams/MANAGEMENT/members/" + member).then().statusCode(204);
        given().post("/api/v1/people/" + member + "/erasure").then().statusCode(200);

        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, prefix + "community.events", Duration.ofSeconds(30),
                read -> read.stream().filter(e -> e.key().equals(VILLAGE)).map(TopicReader.Event::ceType)
                        .collect(Collectors.toSet()).containsAll(TYPES)
                        && read.stream().anyMatch(e -> e.ceType().equals(CommunityEvents.MEMBER_ERASED) && e.data().contains(member)));
        assertThat(events.stream().filter(e -> e.key().equals(VILLAGE)).map(TopicReader.Event::ceType)).containsAll(TYPES);
        Map<String, JsonNode> schemas = new java.util.HashMap<>();
        for (Path p : communitySchemas()) {
            schemas.put(p.getFileName().toString().replace(".json", ""), JSON.readTree(p.toFile()));
        }
        for (TopicReader.Event e : events) {
            assertThat(TYPES).as("a type community publishes").contains(e.ceType());
            assertThat(e.data()).doesNotContain("隐私", "街");
            JsonNode data = JSON.readTree(e.data());
            List<String> free = new ArrayList<>();
            strings(e.ceType(), data, schemas.get(e.ceType()), free);
            assertThat(free).as("strings of " + e.ceType() + " no pattern, enum or format holds: " + e.data()).isEmpty();
        }
    }

    /** The strings of {@code data} that the schema's property does not constrain to a pattern, an enum or a format. */
    private static void strings(String where, JsonNode data, JsonNode schema, List<String> free) {
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode property = schema.path("properties").path(f.getKey());
            if (f.getValue().isObject()) {
                strings(where + "." + f.getKey(), f.getValue(), property, free);
            } else if (f.getValue().isTextual() && !constrained(property)) {
                free.add(where + "." + f.getKey());
            }
        }
    }

    private static void freeText(String where, JsonNode schema, List<String> free) {
        boolean string = schema.path("type").asText().equals("string")
                || schema.path("type").isArray() && schema.path("type").toString().contains("\"string\"");
        if (string && !constrained(schema)) {
            free.add(where);
        }
        schema.path("properties").fields().forEachRemaining(p -> freeText(where + "." + p.getKey(), p.getValue(), free));
        if (schema.has("items")) {
            freeText(where + "[]", schema.get("items"), free);
        }
    }

    private static boolean constrained(JsonNode property) {
        return property.has("pattern") || property.has("enum") || property.has("const") || property.has("format");
    }

    private static List<Path> communitySchemas() throws IOException {
        Path events = Path.of("../../api-specs/events");
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(p -> p.getFileName().toString().startsWith("cunjian.community.")).sorted().toList();
        }
    }
}
