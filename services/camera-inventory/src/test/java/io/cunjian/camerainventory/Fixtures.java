package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** What the camera tests set up: villages known to the replica (as village-projects would publish them), zones, cameras. */
final class Fixtures {

    private Fixtures() {
    }

    /** Publishes the village on village.events as village-projects does and waits until the replica knows it. */
    static void village(String bootstrap, String prefix, RegionReplica replica, String code, String name) {
        if (replica.find(code).isPresent()) {
            return;
        }
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", code, RegionReplica.REGISTERED, "{\"code\":\"" + code + "\",\"name\":\""
                    + name + "\",\"level\":\"VILLAGE\",\"parentCode\":\"" + code.substring(0, 9) + "\",\"version\":0}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(code).isPresent());
    }

    static long zone(String village, String name, String kind) {
        return given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"" + village + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}")
                .post("/api/v1/zones").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String camera(String serial, String village, long zone, String lifecycle) {
        return "{\"serial\":\"" + serial + "\",\"villageCode\":\"" + village + "\",\"zoneId\":" + zone
                + ",\"model\":\"DS-2CD3T46\",\"vendor\":\"海康威视\",\"position\":{\"latitude\":43.5,\"longitude\":123.5},"
                + "\"installedOn\":\"2024-05-01\",\"installer\":\"四平安装公司\"" + (lifecycle == null ? "" : ",\"lifecycle\":\"" + lifecycle + "\"") + "}";
    }

    static ValidatableResponse register(String serial, String village, long zone, String lifecycle) {
        return given().contentType(ContentType.JSON).body(camera(serial, village, zone, lifecycle)).post("/api/v1/cameras").then();
    }

    static ValidatableResponse heartbeat(String at, String... serials) {
        StringBuilder b = new StringBuilder("{\"serials\":[");
        for (int i = 0; i < serials.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(serials[i]).append('"');
        }
        b.append("]").append(at == null ? "" : ",\"at\":\"" + at + "\"").append("}");
        return given().contentType(ContentType.JSON).body(b.toString()).post("/api/v1/heartbeats").then();
    }
}
