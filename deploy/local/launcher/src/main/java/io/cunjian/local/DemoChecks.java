package io.cunjian.local;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.infrastructure.Processes;

/**
 * What a new user sees after {@code stack start}, signed in as the demo users the pages offer
 * (docs/web-pages.md): demo.staff finds orders to verify, demo.admin's dashboard for 四平市 shows
 * 铁东区's demonstration villages with some work done and some open, and the device simulator keeps
 * 永加社区's zones covered. Each through the development sign-in, so a demo user's wrong region fails here.
 */
final class DemoChecks {

    /** 铁东区, the county district with seven demonstration villages in the seeds. */
    static final String TIEDONG = "220303";
    static final String YONGJIA = "220382201001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;

    DemoChecks(Stack stack) {
        this.stack = stack;
    }

    void run(Smoke smoke) {
        smoke.check("demo.staff's verification queue has seeded orders to verify", this::staffQueue);
        smoke.check("demo.admin's dashboard for 四平市 shows 铁东区's seven demonstration villages, some work done",
                this::tiedongOnTheCityDashboard);
        smoke.check("the device simulator runs and 永加社区's zones are all covered", this::yongjiaCovered);
    }

    private List<String> staffQueue() throws Exception {
        String base = stack.service("work-orders").baseUrl();
        HttpResponse<String> r = HttpProbe.get(base + "/api/v1/work-orders?status=COMPLETED&size=1",
                auth(base, "demo.staff"));
        long total = r.statusCode() == 200 ? JSON.readTree(r.body()).path("total").asLong() : -1;
        return total > 0 ? List.of() : List.of("GET /api/v1/work-orders?status=COMPLETED as demo.staff: " + r.statusCode() + " "
                + r.body());
    }

    private List<String> tiedongOnTheCityDashboard() throws Exception {
        String base = stack.service("reporting").baseUrl();
        Map<String, String> auth = auth(base, "demo.admin");
        String[] last = {""};
        boolean shown = Processes.await(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = HttpProbe.get(base + "/api/v1/reports/regions/2203/children", auth);
                last[0] = r.statusCode() + " " + r.body();
                for (JsonNode child : r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createArrayNode()) {
                    if (child.path("code").asText().equals(TIEDONG)) {
                        double progress = child.path("averageProgress").asDouble();
                        return child.path("villagesWithPlan").asLong() >= 7 && progress > 0 && progress < 1;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        return shown ? List.of() : List.of("四平市's children (GET /api/v1/reports/regions/2203/children as demo.admin) "
                + "do not show 铁东区 with 7 villages with a plan and progress between 0 and 1 within 60 s: " + last[0]);
    }

    private List<String> yongjiaCovered() throws Exception {
        if (stack.deviceSimulator().isEmpty()) {
            return List.of("the device simulator does not run (started with --without-device-simulator?)");
        }
        String base = stack.service("camera-inventory").baseUrl();
        HttpResponse<String> r = HttpProbe.get(base + "/api/v1/villages/" + YONGJIA + "/coverage", auth(base, "demo.admin"));
        JsonNode c = r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
        return c.path("zones").asInt() > 0 && c.path("coveredZones").asInt() == c.path("zones").asInt() ? List.of()
                : List.of("永加社区's coverage: " + r.statusCode() + " " + r.body());
    }

    /** The demo user's bearer token from the service's development sign-in. */
    private static Map<String, String> auth(String base, String user) throws Exception {
        HttpResponse<String> signedIn = HttpProbe.send("POST", base + "/dev/sign-in/" + user, null, Map.of());
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("the development sign-in refused " + user + ": " + signedIn.statusCode());
        }
        return Map.of("Authorization", "Bearer " + JSON.readTree(signedIn.body()).path("token").asText());
    }
}
