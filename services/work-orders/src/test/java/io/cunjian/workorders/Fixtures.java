package io.cunjian.workorders;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.TestEvents;
import io.cunjian.workorders.domain.UnifiedSocialCreditCode;
import io.restassured.http.ContentType;

/** Villages and categories as village-projects would publish them, contractors through the API. */
final class Fixtures {

    private Fixtures() {
    }

    /** A valid unified social credit code ending in {@code serial} (4 digits). */
    static String contractorId(String serial) {
        String first17 = "91460100MA14A" + serial;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static void village(String bootstrap, String prefix, RegionReplica replica, String code) {
        if (replica.find(code).isPresent()) {
            return;
        }
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", code, RegionReplica.REGISTERED, "{\"code\":\"" + code
                    + "\",\"name\":\"测试村" + code.substring(9) + "\",\"level\":\"VILLAGE\",\"parentCode\":\""
                    + code.substring(0, 9) + "\",\"version\":0}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(code).isPresent());
    }

    static void category(String bootstrap, String prefix, CategoryReplica categories, String code, String unit, String unitZh) {
        if (categories.find(code).isPresent()) {
            return;
        }
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", "category:" + code, CategoryReplica.DEFINED,
                    "{\"code\":\"" + code + "\",\"nameZh\":\"测试类别\",\"nameEn\":\"Test category\","
                            + "\"unit\":\"" + unit + "\",\"unitZh\":\"" + unitZh + "\",\"group\":\"LIGHTING\",\"version\":0}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> categories.find(code).isPresent());
    }

    /** Registers a contractor as a district admin (the class's token must be one); 409 when it exists is fine. */
    static String contractor(String id, String name) {
        given().contentType(ContentType.JSON).body("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")
                .post("/api/v1/contractors").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        return id;
    }
}
