package io.cunjian.reporting.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.cunjian.testing.Browser;
import io.cunjian.testing.DevSignInProfile;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The leaders' dashboard in a real browser (headless Chromium): a city viewer drills down to
 * 永加社区 and sees its 15 items; an event on Kafka changes a figure without a reload; a viewer
 * of 双辽市 signs in through the development sign-in and is offered only 双辽市, another county's
 * URL refused; names carrying {@code <script>} and {@code javascript:} stay text. Screenshots of
 * each view in zh-CN and English, desktop and phone, go to docs/screenshots/.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(DevSignInProfile.class)
class DashboardBrowserTest {

    static final String CITY = "2203", COUNTY = "220382", TOWNSHIP = "220382201", VILLAGE = "220382201201";
    static final String EVIL_VILLAGE = "220382201299";
    static final String EVIL_NAME = "<script>window.pwned=1</script><a href=\"javascript:window.pwned=2\">javascript:x</a>";
    static final String STANDARD = "web-test-standard";

    @TestHTTPResource("/")
    URL root;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    TestEvents events;

    /** The app (and its database) lives for the whole class: the regions, standard and villages are sent once. */
    static boolean seeded;

    @BeforeEach
    void data() {
        events = new TestEvents(bootstrap);
        if (seeded) {
            return;
        }
        seeded = true;
        region("22", "吉林省", "PROVINCE", null);
        region(CITY, "四平市", "CITY", "22");
        region(COUNTY, "双辽市", "COUNTY", CITY);
        region("220303", "铁东区", "COUNTY", CITY);
        region(TOWNSHIP, "永加乡", "TOWNSHIP", COUNTY);
        region("220303100", "铁东测试镇", "TOWNSHIP", "220303");
        send("village.events", "standard:" + STANDARD, "cunjian.standard.published.v1", """
                {"id":"%s","scope":"22","nameZh":"九有六无（测试）","nameEn":"Nine haves, six nones (test)","illustrative":true,
                 "basedOn":null,"items":%s,"publishedBy":"system"}""".formatted(STANDARD, fifteenItems()));
        village(VILLAGE, TOWNSHIP, "永加社区");
        village(EVIL_VILLAGE, TOWNSHIP, EVIL_NAME);
        village("220303100001", "220303100", "铁东测试村");
        for (String v : List.of(VILLAGE, EVIL_VILLAGE, "220303100001")) {
            send("village.events", v, "cunjian.plan.set.v1", """
                    {"villageCode":"%s","revision":1,"standardId":"%s","deadline":"2026-12-31",
                     "workTargets":[{"itemCode":"street-lighting","categoryCode":"street-lamp-repair","unit":"LAMP","quantity":80}],
                     "coverageTargets":[],"changedBy":"staff","note":null}""".formatted(v, STANDARD));
        }
        verified(VILLAGE, 64);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> lampsVerified(VILLAGE).size() == 1
                && given().auth().oauth2(Tokens.viewer("22")).get("/api/v1/reports/villages/" + EVIL_VILLAGE).statusCode() == 200
                && given().auth().oauth2(Tokens.viewer("22")).get("/api/v1/reports/villages/220303100001").statusCode() == 200);
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void aCityViewerDrillsDownToYongjiaAndSeesAnEventArriveWithoutAReload() throws java.io.IOException {
        try (Browser b = Browser.desktop()) {
            signInWithToken(b, Tokens.viewer(CITY), "zh-CN");
            b.open(url("dashboard/"));
            b.waitForText(By.id("children-title"), "各县");
            b.screenshot("dashboard-zh-CN-desktop");
            click(b, "[data-child='" + COUNTY + "']");
            click(b, "[data-child='" + TOWNSHIP + "']");
            b.waitFor(By.cssSelector("[data-child='" + EVIL_VILLAGE + "']"));
            b.screenshot("dashboard-township-zh-CN-desktop");
            // a name with markup is shown as the characters it is: no script ran, no link was made
            assertThat(b.one(By.cssSelector("[data-child='" + EVIL_VILLAGE + "']")).getText()).isEqualTo(EVIL_NAME);
            assertThat(b.script("return window.pwned === undefined && document.querySelectorAll('main a[href]').length === 0"))
                    .isEqualTo(true);
            click(b, "[data-child='" + VILLAGE + "']");

            List<WebElement> items = b.until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#items tr[data-item]"));
                return rows.size() == 15 ? rows : null;
            });
            assertThat(items.get(0).getText()).contains("有路灯照明").contains("64 / 80 盏");
            assertThat(b.one(By.cssSelector("[data-item='street-lighting'] .progress")).getText()).isEqualTo("80%");
            assertThat(b.one(By.id("crumbs")).getText()).contains("四平市").contains("双辽市").contains("永加乡").contains("永加社区");
            assertThat(b.one(By.id("freshness")).getText()).contains("数据更新至");
            b.screenshot("dashboard-village-zh-CN-desktop");

            // 16 more lamps verified: the page shows 80 / 80 by itself, in the same document (no reload)
            b.script("window.sameDocument = true");
            verified(VILLAGE, 16);
            b.waitForText(By.cssSelector("[data-item='street-lighting']"), "80 / 80");
            assertThat(b.one(By.cssSelector("[data-item='street-lighting'] .progress")).getText()).isEqualTo("100%");
            assertThat(b.one(By.cssSelector("[data-item='street-lighting'] .badge")).getText()).isEqualTo("已达标");
            assertThat(b.script("return window.sameDocument")).isEqualTo(true);

            // the export buttons hand the township's figures over as files (fetched with the token)
            b.one(By.id("export-csv")).click();
            String csv = Files.readString(b.download(".csv"), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF村代码,村名").contains(VILLAGE + ",永加社区," + TOWNSHIP);
            b.one(By.id("export-xlsx")).click();
            assertThat(Files.readAllBytes(b.download(".xlsx"))).startsWith('P', 'K');

            // as of a day before anything happened: the past's figures, said so in the footer
            b.open(url("dashboard/#/region/" + TOWNSHIP));
            b.waitFor(By.cssSelector("[data-child='" + VILLAGE + "']"));
            b.script("var d = document.getElementById('as-of'); d.value = '2025-12-31'; d.dispatchEvent(new Event('change'))");
            b.waitForText(By.id("freshness"), "截至 2025-12-31 日终");
            b.waitForText(By.cssSelector("[data-figure='villagesWithPlan'] .value"), "0");
            b.one(By.id("live")).click();
            b.waitForText(By.cssSelector("[data-figure='villagesWithPlan'] .value"), "2");
            b.open(url("dashboard/#/village/" + VILLAGE));
            b.waitForText(By.cssSelector("[data-item='street-lighting']"), "80 / 80");

            // the same in English
            b.one(By.id("lang")).click();
            b.waitForText(By.cssSelector("[data-item='street-lighting']"), "Street lighting");
            b.screenshot("dashboard-village-en-desktop");
            b.open(url("dashboard/#/region/" + CITY));
            b.waitForText(By.id("children-title"), "Counties");
            b.until(d -> d.findElements(By.cssSelector("#chart-series canvas")).isEmpty() ? null : true);
            b.screenshot("dashboard-en-desktop");
        }
    }

    @Test
    void onAPhoneTheDashboardFitsAndStaysReadable() {
        for (String lang : List.of("zh-CN", "en")) {
            try (Browser b = Browser.phone()) {
                signInWithToken(b, Tokens.viewer(CITY), lang);
                b.open(url("dashboard/#/region/" + CITY));
                b.waitFor(By.cssSelector("[data-child='" + COUNTY + "']"));
                assertThat(b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1")).as("no sideways scrolling")
                        .isEqualTo(true);
                b.screenshot("dashboard-" + lang + "-phone");
                b.open(url("dashboard/#/village/" + VILLAGE));
                b.until(d -> d.findElements(By.cssSelector("#items tr[data-item]")).size() == 15 ? true : null);
                b.screenshot("dashboard-village-" + lang + "-phone");
            }
        }
    }

    @Test
    void aCountyViewerSignsInAndIsOfferedOnlyItsCountyAnotherOneIsRefused() {
        for (boolean phone : List.of(false, true)) {
            try (Browser b = phone ? Browser.phone() : Browser.desktop()) {
                String size = b.isPhone() ? "phone" : "desktop";
                b.open(url("web/sign-in.html"));
                b.script("localStorage.clear(); localStorage.setItem('cunjian.lang', 'zh-CN')");
                // without a token the dashboard sends the user to the sign-in page, and back after it
                b.open(url("dashboard/"));
                b.waitFor(By.cssSelector("button[data-user='demo.viewer']"));
                assertThat(b.driver().getCurrentUrl()).contains("/web/sign-in.html?next=");
                b.screenshot("sign-in-zh-CN-" + size);
                b.one(By.id("lang")).click();
                b.waitForText(By.cssSelector("#demo h2"), "Development sign-in");
                b.screenshot("sign-in-en-" + size);
                b.one(By.id("lang")).click();
                b.one(By.cssSelector("button[data-user='demo.viewer']")).click();

                b.waitFor(By.cssSelector("[data-child='" + TOWNSHIP + "']"));
                List<String> offered = new ArrayList<>();
                b.all(By.cssSelector("#region option")).forEach(o -> offered.add(o.getAttribute("value")));
                assertThat(offered).containsExactly(COUNTY);
                assertThat(b.one(By.id("who")).getAttribute("textContent")).isEqualTo("demo.viewer");

                b.open(url("dashboard/#/region/220303"));
                WebElement refused = b.waitFor(By.id("refused"));
                assertThat(refused.getText()).contains("无权查看").contains("220303");
                assertThat(b.one(By.id("region-view")).isDisplayed()).isFalse();
                b.open(url("dashboard/#/village/220303100001"));
                b.waitForText(By.id("refused"), "220303100001");
                b.screenshot("dashboard-refused-zh-CN-" + size);
            }
        }
        // and the API behind the page says the same
        String viewer = given().post("/dev/sign-in/demo.viewer").then().statusCode(200).extract().path("token");
        given().header("Authorization", SignIn.bearer(viewer)).get("/api/v1/reports/regions/220303").then().statusCode(403);
        given().header("Authorization", SignIn.bearer(viewer)).get("/api/v1/reports/regions/220303/children").then().statusCode(403);
    }

    // ---- helpers ----

    String url(String path) {
        return root.toString() + path;
    }

    /** Signs in as a production page would after an OIDC sign-in: the token kept in the page's storage. */
    void signInWithToken(Browser b, String token, String lang) {
        b.open(url("web/sign-in.html"));
        b.script("localStorage.setItem('cunjian.token', arguments[0]); localStorage.setItem('cunjian.lang', arguments[1])", token, lang);
    }

    static void click(Browser b, String css) {
        b.waitFor(By.cssSelector(css)).click();
    }

    List<Float> lampsVerified(String village) {
        var r = given().auth().oauth2(Tokens.viewer("22")).get("/api/v1/reports/villages/" + village);
        if (r.statusCode() != 200) {
            return List.of();
        }
        Float done = r.jsonPath().getFloat("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done");
        return done == null ? List.of() : List.of(done);
    }

    void region(String code, String name, String level, String parent) {
        send("village.events", code, "cunjian.region.registered.v1", """
                {"code":"%s","name":"%s","level":"%s","parentCode":%s,"version":0}"""
                .formatted(code, name, level, parent == null ? "null" : "\"" + parent + "\""));
    }

    void village(String code, String township, String name) {
        String json = name.replace("\\", "\\\\").replace("\"", "\\\"");
        send("village.events", code, "cunjian.region.registered.v1", """
                {"code":"%s","name":"%s","level":"VILLAGE","parentCode":"%s","version":0}""".formatted(code, json, township));
        send("village.events", code, "cunjian.village.registered.v1", """
                {"code":"%s","name":"%s","townshipCode":"%s","demonstration":true,"version":0}""".formatted(code, json, township));
    }

    void verified(String village, int lamps) {
        String order = UUID.randomUUID().toString();
        send("workorder.events", village, "cunjian.workorder.verified.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":%d,
                 "status":"VERIFIED","previousStatus":"COMPLETED","by":"staff","version":6,"contractorId":"91220382MA14CJ0L7E",
                 "actualQuantity":%d,"verifiedQuantity":%d}""".formatted(order, village, lamps, lamps, lamps));
    }

    void send(String topic, String key, String type, String json) {
        events.send(prefix + topic, key, type, json);
    }

    /** 9 haves and 6 nones, as the illustrative standard has them: street lighting by work, the rest by inspection. */
    static String fifteenItems() {
        List<String> items = new ArrayList<>();
        items.add("""
                {"code":"street-lighting","kind":"HAVE","labelZh":"有路灯照明","labelEn":"Street lighting","measure":"WORK_QUANTITY","countsGroups":["LIGHTING"]}""");
        String[][] rest = { { "HAVE", "roads", "有硬化道路", "Hardened roads" }, { "HAVE", "greening", "有绿化美化", "Greening" },
                { "HAVE", "square", "有文化广场", "A culture square" }, { "HAVE", "toilets", "有卫生厕所", "Sanitary toilets" },
                { "HAVE", "water", "有安全饮水", "Safe drinking water" }, { "HAVE", "waste", "有垃圾收运", "Waste collection" },
                { "HAVE", "signs", "有村牌标识", "Village signs" }, { "HAVE", "rules", "有村规民约", "Village rules" },
                { "NONE", "no-ruins", "无残垣断壁", "No ruined walls" }, { "NONE", "no-litter", "无乱堆乱放", "No litter heaps" },
                { "NONE", "no-sewage", "无污水横流", "No open sewage" }, { "NONE", "no-ads", "无乱贴乱画", "No fly-posting" },
                { "NONE", "no-wires", "无乱拉乱接", "No tangled wires" }, { "NONE", "no-grazing", "无散养畜禽", "No free-roaming livestock" } };
        for (String[] i : rest) {
            items.add("{\"code\":\"%s\",\"kind\":\"%s\",\"labelZh\":\"%s\",\"labelEn\":\"%s\",\"measure\":\"INSPECTION\",\"countsGroups\":[]}"
                    .formatted(i[1], i[0], i[2], i[3]));
        }
        return "[" + String.join(",", items) + "]";
    }
}
