package io.cunjian.community;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What the community tests set up: villages known to the replica (as village-projects publishes them), households. */
final class Fixtures {

    private static final AtomicInteger HOUSE = new AtomicInteger(1);

    private Fixtures() {
    }

    /** Publishes the village on village.events as village-projects does and waits until the replica knows it. */
    static void village(String bootstrap, String prefix, RegionReplica replica, String code) {
        if (replica.find(code).isPresent()) {
            return;
        }
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", code, RegionReplica.REGISTERED, "{\"code\":\"" + code
                    + "\",\"name\":\"测试村\",\"level\":\"VILLAGE\",\"parentCode\":\"" + code.substring(0, 9) + "\",\"version\":0}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(code).isPresent());
    }

    static String householdBody(String village, String address, int size, String head) {
        return "{\"villageCode\":\"" + village + "\",\"address\":\"" + address + "\",\"size\":" + size + ",\"headName\":\"" + head + "\"}";
    }

    /** A new household of the village (a fresh address); the answer's JSON (id, members[0] the 户主). */
    static JsonPath household(String village) {
        String address = "测试街 " + HOUSE.getAndIncrement() + " 号";
        return given().contentType(ContentType.JSON).body(householdBody(village, address, 3, "王户主"))
                .post("/api/v1/households").then().statusCode(201).extract().jsonPath();
    }

    static List<String> households(String village, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(household(village).getString("id"));
        }
        return ids;
    }

    static String groupBody(String village, List<String> households, String leader) {
        return "{\"villageCode\":\"" + village + "\",\"householdIds\":[" + String.join(",", households.stream().map(h -> "\"" + h + "\"").toList())
                + "]" + (leader == null ? "" : ",\"leaderPersonId\":\"" + leader + "\"") + "}";
    }
}
