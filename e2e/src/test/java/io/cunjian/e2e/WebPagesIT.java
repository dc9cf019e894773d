package io.cunjian.e2e;

import static io.cunjian.e2e.World.LAMPS;
import static io.cunjian.e2e.World.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import io.cunjian.testing.Browser;

/**
 * The pages across services (ADR 0011): township staff verify a completed order in work-orders'
 * queue, in a real browser, and a viewer's dashboard — reporting's page, fed only by the events —
 * shows the village's street lighting met. Both sign in through the stack's development sign-in.
 */
@ExtendWith(E2eStack.Extension.class)
class WebPagesIT {

    static final String TOWNSHIP = "220382201";          // demo.staff's township, under demo.viewer's 双辽市
    static final String VILLAGE = TOWNSHIP + "901";
    static final String CONTRACTOR = World.uscc("91220382MA14E2E09");

    @Test
    void staffVerifyFromTheQueueAndTheDashboardShowsIt(E2eStack stack) {
        World world = new World(stack);
        Orders orders = new Orders(stack, Duration.ofMinutes(1));
        world.regions("22", "吉林省", "2203", "四平市", "220382", "双辽市", TOWNSHIP, "永加乡")
                .standard()
                .village(VILLAGE, "网页端到端村", true)
                .contractor(CONTRACTOR, "端到端网页测试公司");
        world.plan(VILLAGE, List.of(target("street-lighting", LAMPS, 80)), BigDecimal.valueOf(100));
        String id = orders.create(VILLAGE, LAMPS, BigDecimal.valueOf(80), LocalDate.now(Truth.CHINA).plusMonths(1), "web-1");
        orders.issue(VILLAGE, id, "web-1");
        orders.assign(VILLAGE, id, CONTRACTOR, "web-1");
        orders.start(id, CONTRACTOR, "web-1-start");
        orders.complete(id, CONTRACTOR, BigDecimal.valueOf(80), "web-1");

        String workOrders = stack.service("work-orders").baseUrl();
        String reporting = stack.service("reporting").baseUrl();
        try (Browser b = Browser.desktop()) {
            signIn(b, workOrders, "/staff/", "demo.staff");
            b.until(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("[data-order='" + id + "'] button.verify"))
                    .isEmpty() ? null : true);
            b.one(By.cssSelector("[data-order='" + id + "'] button.verify")).click();
            b.waitForText(By.cssSelector(".done[data-order='" + id + "']"), "已验收");

            signIn(b, reporting, "/dashboard/#/village/" + VILLAGE, "demo.viewer");
            b.until(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("[data-item='street-lighting']")).stream()
                    .anyMatch(e -> e.getText().contains("80 / 80")) ? true : null);
            assertThat(b.one(By.cssSelector("[data-item='street-lighting'] .badge")).getText()).isEqualTo("已达标");
            assertThat(b.one(By.id("crumbs")).getText()).contains("双辽市").contains("永加乡").contains("网页端到端村");
        }
    }

    static void signIn(Browser b, String base, String page, String demoUser) {
        b.open(base + "/web/sign-in.html");
        b.script("localStorage.clear(); localStorage.setItem('cunjian.lang', 'zh-CN')");
        b.open(base + page);
        b.waitFor(By.cssSelector("button[data-user='" + demoUser + "']")).click();
        b.until(d -> d.getCurrentUrl().contains(page.split("#")[0]) ? true : null);
    }
}
