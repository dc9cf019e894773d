package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

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
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The contractor's phone page and the staff verification queue in a real browser (headless
 * Chromium): the seed contractor signs in on a 360-pixel phone, starts an order and completes it
 * with a photo while the network is cut — the page shows it pending, and delivers it exactly once
 * when the network is back (also when the phone sends it again, not knowing it arrived); staff of
 * 永加乡 then see the photo with its EXIF flags and verify it. A note carrying {@code <script>} and
 * {@code javascript:} stays text. Photos of megabytes wait on the phone (IndexedDB) across closing
 * the page. Screenshots: {@link Browser#screenshot}.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(DevSignInProfile.class)
@SignedInAs(role = "district-admin", regions = {"22"})
class WorkOrderPagesBrowserTest {

    static final String VILLAGE = "220382201201";
    static final String CONTRACTOR = DevSignIn.USERS.stream().filter(u -> u.role().equals("contractor")).findFirst()
            .orElseThrow().contractorId();
    static final String EVIL_NOTE = "<script>window.pwned=1</script><a href=\"javascript:window.pwned=2\">javascript:alert(1)</a> 已完工";

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

    String url(String path) {
        return root.toString() + path;
    }

    /** An order of the seed contractor, assigned and waiting to be started. */
    String assignedOrder(String title) {
        return assignedOrder(title, "2030-06-30");
    }

    String assignedOrder(String title, String due) {
        Fixtures.contractor(CONTRACTOR, "双辽市某照明工程有限公司");
        Fixtures.category(bootstrap, prefix, categories, "wo-test-lamp", "LAMP", "盏");
        Fixtures.village(bootstrap, prefix, villages, VILLAGE);
        String id = given().contentType(ContentType.JSON).body(WorkOrderApi.createBody(VILLAGE, "wo-test-lamp", "80",
                ",\"title\":\"" + title + "\",\"location\":{\"text\":\"102 国道永加段\",\"latitude\":43.5,\"longitude\":123.5},\"dueDate\":\"" + due + "\"")
                .replace("\"title\":\"路灯维修\",", ""))
                .post("/api/v1/work-orders").then().statusCode(201).extract().path("id");
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        return id;
    }

    void signIn(Browser b, String page, String demoUser, String lang) {
        b.open(url("web/sign-in.html"));
        b.script("localStorage.clear(); localStorage.setItem('cunjian.lang', arguments[0]); indexedDB.deleteDatabase('cunjian')", lang);
        b.open(url(page));
        b.waitFor(By.cssSelector("button[data-user='" + demoUser + "']")).click();
        b.until(d -> d.getCurrentUrl().contains(page) ? true : null);
    }

    /** The completions waiting on the phone (IndexedDB {@code cunjian}, store {@code completions}) as JSON. */
    static String outbox(Browser b) {
        return (String) outbox(b, "JSON.stringify(g.result)");
    }

    /** {@code expression} of the completions waiting on the phone ({@code g.result}: their list). */
    static Object outbox(Browser b, String expression) {
        return b.script("return new Promise(function (resolve) { var q = indexedDB.open('cunjian', 1);"
                + " q.onsuccess = function () { var g = q.result.transaction('completions').objectStore('completions').getAll();"
                + " g.onsuccess = function () { q.result.close(); resolve(" + expression + "); }; }; });");
    }

    /** Puts completions back on the phone, as if the page had never heard the answers. */
    static void putBack(Browser b, String json) {
        b.script("var entries = JSON.parse(arguments[0]); return new Promise(function (resolve) {"
                + " var q = indexedDB.open('cunjian', 1); q.onsuccess = function () {"
                + " var t = q.result.transaction('completions', 'readwrite');"
                + " entries.forEach(function (e) { t.objectStore('completions').put(e); });"
                + " t.oncomplete = function () { q.result.close(); resolve(true); }; }; });", json);
    }

    /**
     * Photos of several megabytes (more than localStorage holds) wait on the phone itself, not in the
     * page's memory: the page is closed and opened again, and the completion is still delivered once.
     */
    @Test
    void aCompletionWithLargePhotosSurvivesClosingThePage() throws IOException {
        String id = assignedOrder("村道路灯（大照片）");
        // two photos of 3 MB each (trailing bytes after the picture), 8 MB and more as data URLs
        byte[] big = Arrays.copyOf(photo(null, 0, 0), 3 * 1024 * 1024);
        Path first = Files.createTempFile("lamp-big-1-", ".jpg");
        Path second = Files.createTempFile("lamp-big-2-", ".jpg");
        Files.write(first, big);
        Files.write(second, big);
        try (Browser b = Browser.phone()) {
            signIn(b, "contractor/", "demo.contractor", "zh-CN");
            b.waitFor(By.cssSelector("[data-order='" + id + "'] button.start")).click();
            b.waitFor(By.cssSelector("[data-order='" + id + "'][data-status='IN_PROGRESS'] button.complete")).click();
            b.one(By.cssSelector("[data-order='" + id + "'] input[type=file]")).sendKeys(first + "\n" + second);
            b.one(By.cssSelector("[data-order='" + id + "'] input[name=quantity]")).sendKeys("12");
            b.offline();
            b.one(By.cssSelector("[data-order='" + id + "'] button.submit")).click();
            b.waitForText(By.cssSelector("[data-order='" + id + "'] .pending"), "待发送");
            assertThat((Long) outbox(b, "JSON.stringify(g.result).length")).as("kept on the phone with both photos")
                    .isGreaterThan(8_000_000L);

            b.driver().get("about:blank"); // the page is closed, its memory gone; the phone's storage is not
            b.online();
            b.open(url("contractor/"));
            b.waitFor(By.cssSelector("[data-order='" + id + "'][data-status='COMPLETED']"));
            b.until(d -> "[]".equals(outbox(b)) ? true : null);
        }
        assertThat(given().get("/api/v1/work-orders/" + id + "/photos").then().statusCode(200).extract().jsonPath()
                .getList("id")).hasSize(2);
        assertThat(events(id, "cunjian.workorder.completed.v1")).as("one completion published for the order").hasSize(1);
    }

    @Test
    void aContractorCompletesOfflineTheCompletionArrivesOnceAndStaffVerifyIt() throws IOException {
        String id = assignedOrder("国道沿线路灯维修");
        Path photo = Files.createTempFile("lamp-", ".jpg");
        Files.write(photo, photo("2020:05:01 10:00:00", 39.9, 116.4)); // old, and taken in Beijing: both flags

        String pendingEntry;
        try (Browser b = Browser.phone()) {
            signIn(b, "contractor/", "demo.contractor", "zh-CN");
            WebElement card = b.waitFor(By.cssSelector("[data-order='" + id + "']"));
            assertThat(card.getText()).contains("国道沿线路灯维修").contains("已派单").contains("计划 80 盏");
            assertThat(b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
            b.screenshot("contractor-zh-CN-phone");
            b.one(By.cssSelector("[data-order='" + id + "'] button.start")).click();
            b.waitFor(By.cssSelector("[data-order='" + id + "'][data-status='IN_PROGRESS'] button.complete")).click();

            WebElement file = b.one(By.cssSelector("[data-order='" + id + "'] input[type=file]"));
            assertThat(file.getAttribute("capture")).isEqualTo("environment");
            assertThat(file.getAttribute("accept")).isEqualTo("image/*");
            file.sendKeys(photo.toString());
            b.one(By.cssSelector("[data-order='" + id + "'] input[name=quantity]")).sendKeys("78");
            b.one(By.cssSelector("[data-order='" + id + "'] textarea[name=notes]")).sendKeys(EVIL_NOTE);
            b.screenshot("contractor-complete-zh-CN-phone");
            assertThat(b.one(By.id("offline")).isDisplayed()).as("no offline notice while online").isFalse();

            // no signal while submitting: the completion stays on the phone, shown as pending
            b.offline();
            b.one(By.cssSelector("[data-order='" + id + "'] button.submit")).click();
            b.waitForText(By.cssSelector("[data-order='" + id + "'] .pending"), "待发送");
            assertThat(b.waitFor(By.id("offline")).getText()).contains("无网络");
            b.screenshot("contractor-pending-zh-CN-phone");
            pendingEntry = outbox(b);
            assertThat(pendingEntry).contains(id);
            // a retry round (every 5 s) passes with the network still down: nothing arrived, still pending
            sleep(Duration.ofSeconds(6));
            assertThat(b.one(By.cssSelector("[data-order='" + id + "'] .pending")).isDisplayed()).isTrue();
            assertThat(status(id)).isEqualTo("IN_PROGRESS");

            // the network is back: delivered, the order completed
            b.online();
            b.waitFor(By.cssSelector("[data-order='" + id + "'] .delivered"));
            b.waitFor(By.cssSelector("[data-order='" + id + "'][data-status='COMPLETED']"));
            assertThat(status(id)).isEqualTo("COMPLETED");
            assertThat(outbox(b)).isEqualTo("[]");
            b.screenshot("contractor-delivered-zh-CN-phone");

            // the phone never heard the answer, and the page, opened again, sends it all again (same keys): nothing new happens
            putBack(b, pendingEntry);
            b.driver().navigate().refresh();
            b.until(d -> "[]".equals(outbox(b)) ? true : null);

            b.one(By.id("lang")).click();
            b.waitForText(By.cssSelector("[data-order='" + id + "']"), "Completed, to verify");
            b.screenshot("contractor-en-phone");
        }
        assertThat(given().get("/api/v1/work-orders/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.to == 'COMPLETED' }")).hasSize(1);
        assertThat(given().get("/api/v1/work-orders/" + id + "/photos").then().statusCode(200).extract().jsonPath()
                .getList("id")).hasSize(1);
        assertThat(given().get("/api/v1/work-orders/" + id).then().extract().jsonPath().getFloat("completion.actualQuantity"))
                .isEqualTo(78f);
        assertThat(events(id, "cunjian.workorder.completed.v1")).as("one completion published for the order").hasSize(1);

        try (Browser b = Browser.desktop()) {
            signIn(b, "staff/", "demo.staff", "zh-CN");
            WebElement card = b.waitFor(By.cssSelector("[data-order='" + id + "']"));
            b.waitFor(By.cssSelector("[data-order='" + id + "'] [data-flag='TAKEN_BEFORE_START']"));
            assertThat(card.getText()).contains("拍摄时间早于开工").contains("拍摄地点离现场较远").contains("实际 78 盏");
            // the note is shown as the characters typed: no script ran, no link was made
            assertThat(b.one(By.cssSelector("[data-order='" + id + "'] .notes")).getText()).isEqualTo(EVIL_NOTE);
            assertThat(b.script("return window.pwned === undefined && document.querySelectorAll('main a[href]').length === 0"))
                    .isEqualTo(true);
            b.until(d -> Boolean.TRUE.equals(b.script(
                    "var i = document.querySelector('[data-order=\"" + id + "\"] img.photo'); return i && i.complete && i.naturalWidth > 0"))
                            ? true : null);
            b.screenshot("staff-zh-CN-desktop");
            b.one(By.id("lang")).click();
            b.waitForText(By.cssSelector("[data-order='" + id + "']"), "Taken before the work started");
            b.screenshot("staff-en-desktop");
            b.one(By.cssSelector("[data-order='" + id + "'] button.verify")).click();
            b.waitForText(By.cssSelector(".done[data-order='" + id + "']"), "Verified");
            assertThat(b.all(By.cssSelector("article[data-order='" + id + "']"))).isEmpty();
        }
        assertThat(status(id)).isEqualTo("VERIFIED");
        // what reporting's dashboard counts (DashboardBrowserTest shows such an event moving the figure)
        assertThat(events(id, "cunjian.workorder.verified.v1")).hasSize(1);
    }

    @Test
    void staffRejectWithAReasonAndEveryPageFitsAPhoneInBothLanguages() throws IOException {
        String id = assignedOrder("村内绿化补植");
        String contractor = given().post("/dev/sign-in/demo.contractor").then().statusCode(200).extract().path("token");
        act(contractor, id, "start", null).statusCode(200);
        String photoId = given().header("Authorization", "Bearer " + contractor)
                .multiPart("file", "fresh.jpg", photo(null, 0, 0), "image/jpeg")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(201).extract().path("id");
        act(contractor, id, "complete", WorkOrderApi.completion("80", photoId)).statusCode(200);
        String late = assignedOrder("村口太阳能路灯安装", "2026-01-15");

        for (String lang : List.of("zh-CN", "en")) {
            try (Browser b = Browser.phone()) {
                signIn(b, "staff/", "demo.staff", lang);
                b.waitFor(By.cssSelector("[data-order='" + id + "'] button.reject"));
                assertThat(b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
                b.screenshot("staff-" + lang + "-phone");
            }
            try (Browser b = Browser.desktop()) {
                signIn(b, "contractor/", "demo.contractor", lang);
                b.waitFor(By.cssSelector("[data-order='" + id + "']"));
                // the open order past its due date comes first, marked
                WebElement first = b.one(By.cssSelector("#orders .order"));
                assertThat(first.getAttribute("data-order")).isEqualTo(late);
                assertThat(first.getText()).contains(lang.equals("en") ? "Overdue" : "已逾期");
                b.screenshot("contractor-" + lang + "-desktop");
            }
        }
        try (Browser b = Browser.desktop()) {
            signIn(b, "staff/", "demo.staff", "zh-CN");
            b.waitFor(By.cssSelector("[data-order='" + id + "'] button.reject")).click();
            b.waitForText(By.cssSelector("[data-order='" + id + "'] .message"), "请填写退回原因");
            assertThat(status(id)).isEqualTo("COMPLETED");
            b.one(By.cssSelector("[data-order='" + id + "'] textarea[name=reason]")).sendKeys("照片看不清路灯");
            b.one(By.cssSelector("[data-order='" + id + "'] button.reject")).click();
            b.waitForText(By.cssSelector(".done[data-order='" + id + "']"), "已退回");
        }
        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(given().get("/api/v1/work-orders/" + id + "/history").then().extract().jsonPath()
                .getString("find { it.to == 'REJECTED' }.note")).isEqualTo("照片看不清路灯");
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String status(String id) {
        return given().get("/api/v1/work-orders/" + id).then().statusCode(200).extract().path("status");
    }

    /** The order's events of that type published on workorder.events (read until 3 s pass without a new record). */
    List<TopicReader.Event> events(String id, String type) {
        // the outbox relay publishes shortly after the commit: wait for the first, then for quiet
        TopicReader.readUntil(bootstrap, prefix + "workorder.events", Duration.ofSeconds(20),
                read -> read.stream().anyMatch(e -> type.equals(e.ceType()) && e.data().contains(id)));
        return TopicReader.readAll(bootstrap, prefix + "workorder.events", Duration.ofSeconds(3)).stream()
                .filter(e -> type.equals(e.ceType()) && e.data().contains(id)).toList();
    }

    /** A real, displayable JPEG (a lamp post at dusk) carrying the EXIF time and position when given. */
    static byte[] photo(String takenAt, double latitude, double longitude) throws IOException {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 60, 110));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 190, 320, 50);
        g.fillRect(150, 60, 8, 130);
        g.setColor(new Color(255, 230, 120));
        g.fillOval(140, 40, 30, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] picture = out.toByteArray();
        if (takenAt == null) {
            return picture;
        }
        // the EXIF segment right after the start marker, then the picture's own segments
        byte[] exif = ExifJpeg.of(takenAt, latitude, longitude);
        byte[] head = Arrays.copyOf(exif, exif.length - 2);
        byte[] joined = Arrays.copyOf(head, head.length + picture.length - 2);
        System.arraycopy(picture, 2, joined, head.length, picture.length - 2);
        return joined;
    }
}
