package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.BoundsContract;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RequestBounds;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every bounded request field of every camera-inventory operation — body fields, query, path and header
 * parameters — at its bound and one past it ({@link BoundsContract}); this class only sets each operation
 * up in a village of its own (43…): a zone, a camera whose serial is as long as a serial can be, a
 * device's token.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"43"})
class CameraInventoryBoundsTest extends BoundsContract {

    static final String VILLAGE = "430101001001";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica replica;

    @BeforeEach
    void village() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE, "边界村");
    }

    @Override
    protected Attempt attempt(RequestBounds.Bound bound) {
        return switch (bound.operation()) {
            case "POST /api/v1/cameras" -> {
                Attempt a = new Attempt("POST", "/api/v1/cameras", Map.of(), camera(serial(10), zone()),
                        () -> total("/api/v1/cameras"));
                yield switch (bound.field()) {
                    case "serial" -> a.atBound(JSON.textNode(serial(64)));
                    case "villageCode" -> a.atBound(JSON.textNode(VILLAGE));
                    default -> zoneId(bound, a);
                };
            }
            case "PUT /api/v1/cameras/{serial}" -> {
                ObjectNode details = camera(registeredCamera(), zone());
                String serial = details.remove("serial").asText();
                details.remove("villageCode");
                yield zoneId(bound, update("/api/v1/cameras/" + serial, details));
            }
            case "POST /api/v1/cameras/{serial}/lifecycle" -> {
                String url = "/api/v1/cameras/" + registeredCamera();
                yield new Attempt("POST", url + "/lifecycle", Map.of("If-Match", etag(url)),
                        body("to", "INSTALLED").put("reason", "装好了"), () -> etag(url));
            }
            case "POST /api/v1/cameras/{serial}/maintenance" -> {
                String url = "/api/v1/cameras/" + registeredCamera() + "/maintenance";
                yield new Attempt("POST", url, Map.of(), body("doneOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString())
                        .put("kind", "INSPECTION").put("notes", "清洁镜头").put("technician", "李师傅"), () -> total(url));
            }
            case "POST /api/v1/heartbeats" -> seen("/api/v1/heartbeats",
                    Map.of("Authorization", SignIn.bearer(Tokens.device(VILLAGE))));
            case "POST /api/v1/villages/{code}/audits" -> seen("/api/v1/villages/" + VILLAGE + "/audits", Map.of());
            case "POST /api/v1/zones" -> {
                Attempt a = new Attempt("POST", "/api/v1/zones", Map.of(), zoneBody().put("villageCode", VILLAGE),
                        () -> total("/api/v1/zones"));
                yield switch (bound.field()) {
                    case "villageCode" -> a.atBound(JSON.textNode(VILLAGE));
                    case "name" -> a.atBound(JSON.textNode(zoneName(100)));
                    default -> a;
                };
            }
            case "PUT /api/v1/zones/{id}" -> {
                Attempt a = update("/api/v1/zones/" + zone(), zoneBody());
                yield bound.in().equals("path") ? zoneAt(bound, a)
                        : bound.field().equals("name") ? a.atBound(JSON.textNode(zoneName(100))) : a;
            }
            // reads: lists filtered by values as long as each filter takes, and a camera whose serial is
            // the template of the import, in the longest format name (xlsx)
            case "GET /api/v1/cameras/import/template" -> Attempt.read("/api/v1/cameras/import/template?format=xlsx");
            case "GET /api/v1/cameras", "GET /api/v1/cameras/export", "GET /api/v1/zones" ->
                    Attempt.read(bound.path() + "?village=" + VILLAGE + "&within=" + VILLAGE);
            case "GET /api/v1/cameras/{serial}", "GET /api/v1/cameras/{serial}/maintenance" ->
                    Attempt.read(bound.path().replace("{serial}", registeredCamera()));
            case "GET /api/v1/villages/{code}/coverage" -> Attempt.read("/api/v1/villages/" + VILLAGE + "/coverage");
            case "GET /api/v1/zones/{id}" -> zoneAt(bound, Attempt.read("/api/v1/zones/" + zone()));
            default -> throw new AssertionError(bound.operation() + " has bounded fields this test cannot set up: add it");
        };
    }

    /** Zone ids are the database's: the one at either end of the range names no zone of this village. */
    private static Attempt zoneId(RequestBounds.Bound bound, Attempt attempt) {
        return bound.field().equals("zoneId") ? attempt.noAtBound("no zone of the village has the first or the last id")
                : attempt;
    }

    /**
     * A zone by the first or the last id: what that id answers decides (none has the last, the first may be
     * another region's); one that is there is not this test's to change.
     */
    private static Attempt zoneAt(RequestBounds.Bound bound, Attempt attempt) {
        int status = given().get("/api/v1/zones/" + bound.limit().toPlainString()).statusCode();
        return status == 200 && attempt.method().equals("GET") ? attempt
                : status == 200 ? attempt.noAtBound("zone " + bound.limit() + " is there, another test's to change")
                : attempt.answersAtBound(status, "no zone of the caller's has that id");
    }

    private static String etag(String url) {
        return given().get(url).then().statusCode(200).extract().header("ETag");
    }

    /** Heartbeats or an audit of one camera; what they change is when it was last seen. */
    private static Attempt seen(String url, Map<String, String> headers) {
        String serial = registeredCamera();
        ObjectNode seen = JSON.objectNode();
        seen.putArray("serials").add(serial);
        seen.put("at", java.time.OffsetDateTime.now().minusMinutes(1).toString());
        return new Attempt("POST", url, headers, seen,
                () -> given().get("/api/v1/cameras/" + serial).then().statusCode(200).extract().path("lastSeen"));
    }

    private static Attempt update(String url, ObjectNode body) {
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        return new Attempt("PUT", url, Map.of("If-Match", etag), body,
                () -> given().get(url).then().statusCode(200).extract().header("ETag"));
    }

    private static ObjectNode camera(String serial, long zone) {
        try {
            return (ObjectNode) MAPPER.readTree(Fixtures.camera(serial, VILLAGE, zone, null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A registered camera whose serial is as long as a serial can be (64). */
    private static String registeredCamera() {
        String serial = serial(64);
        Fixtures.register(serial, VILLAGE, zone(), null).statusCode(201);
        return serial;
    }

    private static long zone() {
        return Fixtures.zone(VILLAGE, "边界区" + SERIAL.getAndIncrement(), "ENTRANCE");
    }

    private static ObjectNode zoneBody() {
        ObjectNode zone = body("name", "边界区" + SERIAL.getAndIncrement()).put("kind", "SQUARE");
        zone.putObject("centre").put("latitude", 43.5).put("longitude", 123.5);
        return zone;
    }

    /** A zone's name is unique in its village: a fresh one of exactly {@code length} characters. */
    private static String zoneName(int length) {
        String head = "边界区" + SERIAL.getAndIncrement();
        return head + "村".repeat(length - head.length());
    }

    /** A fresh serial of exactly {@code length} characters. */
    private static String serial(int length) {
        String head = "BND-" + SERIAL.getAndIncrement() + "-";
        return head + "X".repeat(length - head.length());
    }

    private static Object total(String url) {
        return given().queryParam("village", VILLAGE).queryParam("size", 1).get(url).then().statusCode(200)
                .extract().path("total");
    }

    private static ObjectNode body(String field, String value) {
        return JSON.objectNode().put(field, value);
    }
}
