package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.web.DevSignIn;
import io.cunjian.testing.Browser;
import io.cunjian.testing.DevSignInProfile;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The staff queue in a real browser (headless Chromium): a contractor reported 80 lamps, demo.staff
 * finds 76. Lowering the quantity without a reason is refused by the service and its field error
 * appears next to the reason field; a quantity above the claim gets its error next to the quantity;
 * with a reason the order is verified at 76.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(DevSignInProfile.class)
@SignedInAs(role = "district-admin", regions = {"22"})
class StaffPartialVerificationBrowserTest {

    static final String VILLAGE = "220382201201";
    static final String CONTRACTOR = DevSignIn.USERS.stream().filter(u -> u.role().equals("contractor")).findFirst()
            .orElseThrow().contractorId();

    @TestHTTPResource("/")
    URL root;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;

    String completedOrder(String title, String quantity) throws IOException {
        Fixtures.contractor(CONTRACTOR, "双辽市某照明工程有限公司");
        Fixtures.category(bootstrap, prefix, categories, "wo-test-lamp", "LAMP", "盏");
        Fixtures.village(bootstrap, prefix, villages, VILLAGE);
        String id = given().contentType(ContentType.JSON).body(WorkOrderApi.createBody(VILLAGE, "wo-test-lamp", "80",
                ",\"dueDate\":\"2030-06-30\"").replace("路灯维修", title))
                .post("/api/v1/work-orders").then().statusCode(201).extract().path("id");
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        String contractor = given().post("/dev/sign-in/demo.contractor").then().statusCode(200).extract().path("token");
        act(contractor, id, "start", null).statusCode(200);
        String photoId = given().header("Authorization", "Bearer " + contractor)
                .multiPart("file", "lamp.jpg", WorkOrderPagesBrowserTest.photo(null, 0, 0), "image/jpeg")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(201).extract().path("id");
        act(contractor, id, "complete", WorkOrderApi.completion(quantity, photoId)).statusCode(200);
        return id;
    }

    @Test
    void staffVerifyFewerLampsThanReportedWithAReasonAndSeeTheServiceErrorsByTheFields() throws IOException {
        String id = completedOrder("国道两侧路灯维修（部分验收）", "80");
        String card = "[data-order='" + id + "'] ";
        try (Browser b = Browser.phone()) {
            b.open(root + "web/sign-in.html");
            b.script("localStorage.clear(); localStorage.setItem('cunjian.lang', 'zh-CN')");
            b.open(root + "staff/");
            b.waitFor(By.cssSelector("button[data-user='demo.staff']")).click();
            WebElement quantity = b.waitFor(By.cssSelector(card + "input[name=quantity]"));
            assertThat(quantity.getAttribute("value")).as("the reported quantity, to start from").isEqualTo("80");

            quantity.clear();
            quantity.sendKeys("81");
            b.one(By.cssSelector(card + "button.verify")).click();
            b.waitForText(By.cssSelector(card + "[data-field-error='quantity']"), "不能超过");

            quantity.clear();
            quantity.sendKeys("76");
            b.one(By.cssSelector(card + "button.verify")).click();
            b.waitForText(By.cssSelector(card + "[data-field-error='reason']"), "须说明原因");
            assertThat(b.one(By.cssSelector(card + "[data-field-error='quantity']")).getText()).isEmpty();
            assertThat(WorkOrderPagesBrowserTest.status(id)).isEqualTo("COMPLETED");
            assertThat(b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
            b.screenshot("staff-partial-verification-zh-CN-phone");

            b.one(By.cssSelector(card + "textarea[name=reason]")).sendKeys("4 盏灯头未更换");
            b.one(By.cssSelector(card + "button.verify")).click();
            b.waitForText(By.cssSelector(".done[data-order='" + id + "']"), "已验收");
        }
        var order = given().get("/api/v1/work-orders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("status")).isEqualTo("VERIFIED");
        assertThat(order.getFloat("verification.quantity")).isEqualTo(76f);
        assertThat(given().get("/api/v1/work-orders/" + id + "/history").then().extract().jsonPath()
                .getString("find { it.to == 'VERIFIED' }.note")).isEqualTo("4 盏灯头未更换");
    }
}
