package io.cunjian.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The end-to-end flows the smoke runs after the health checks: each writes through a public API
 * and reads the outcome back where another service shows it, so the outbox, the broker and the
 * consumers are all on the path. Each service issue adds its own flow here.
 */
final class SmokeFlows {

    /** A region kept for the smoke (99 is no real province code). */
    static final String SMOKE_REGION = "99";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Smoke smoke;
    private final Map<String, ServiceDescriptor> services = new java.util.HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String token;

    /** {@code token}: a district admin's for {@link #SMOKE_REGION}, signed with the stack's key. */
    SmokeFlows(Smoke smoke, List<ServiceDescriptor> services, String token) {
        this.smoke = smoke;
        this.token = token;
        services.forEach(s -> this.services.put(s.name(), s));
    }

    void run() {
        smoke.check("a region renamed in village-projects reaches reporting through Kafka", this::regionReachesReporting);
        smoke.check("camera-inventory: a camera's heartbeat covers its new zone, its silence uncovers it after the window",
                this::cameraCoversAZoneUntilItFallsSilent);
    }

    private List<String> regionReachesReporting() throws Exception {
        List<String> problems = new ArrayList<>();
        String villageProjects = services.get("village-projects").baseUrl();
        String reporting = services.get("reporting").baseUrl();

        HttpResponse<String> created = send("POST", villageProjects + "/api/v1/regions",
                "{\"code\":\"" + SMOKE_REGION + "\",\"name\":\"冒烟测试\"}", Map.of());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            problems.add("registering region " + SMOKE_REGION + " answered " + created.statusCode() + ": " + created.body());
            return problems;
        }
        HttpResponse<String> current = send("GET", villageProjects + "/api/v1/regions/" + SMOKE_REGION, null, Map.of());
        String name = "冒烟测试-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> renamed = send("PUT", villageProjects + "/api/v1/regions/" + SMOKE_REGION,
                "{\"name\":\"" + name + "\"}", Map.of("If-Match", current.headers().firstValue("ETag").orElse("")));
        if (renamed.statusCode() != 200) {
            problems.add("renaming answered " + renamed.statusCode() + ": " + renamed.body());
            return problems;
        }
        boolean arrived = Processes.await(Duration.ofSeconds(20), () -> {
            try {
                HttpResponse<String> r = send("GET", reporting + "/api/v1/regions/" + SMOKE_REGION, null, Map.of());
                return r.statusCode() == 200 && name.equals(JSON.readTree(r.body()).path("name").asText());
            } catch (Exception e) {
                return false;
            }
        });
        if (!arrived) {
            problems.add("reporting did not show the new name " + name + " within 20 s");
        }
        return problems;
    }

    /**
     * A village of the smoke region (registered in village-projects if missing) reaches camera-inventory's
     * replica; a new zone gets an OPERATIONAL camera whose heartbeat is dated 10 s before the window
     * runs out: the zone is covered at once and blind again once the timer notices the silence.
     */
    private List<String> cameraCoversAZoneUntilItFallsSilent() throws Exception {
        List<String> problems = new ArrayList<>();
        String villageProjects = services.get("village-projects").baseUrl();
        String cameras = services.get("camera-inventory").baseUrl();
        String village = SMOKE_REGION + "0101001001";
        for (String[] region : new String[][] {{SMOKE_REGION, "冒烟测试"}, {SMOKE_REGION + "01", "冒烟市"},
                {SMOKE_REGION + "0101", "冒烟县"}, {SMOKE_REGION + "0101001", "冒烟乡"}}) {
            HttpResponse<String> r = send("POST", villageProjects + "/api/v1/regions",
                    "{\"code\":\"" + region[0] + "\",\"name\":\"" + region[1] + "\"}", Map.of());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                problems.add("registering region " + region[0] + " answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
        }
        HttpResponse<String> v = send("POST", villageProjects + "/api/v1/villages", "{\"code\":\"" + village
                + "\",\"townshipCode\":\"" + SMOKE_REGION + "0101001\",\"name\":\"冒烟村\"}", Map.of());
        if (v.statusCode() != 201 && v.statusCode() != 409) {
            problems.add("registering village " + village + " answered " + v.statusCode() + ": " + v.body());
            return problems;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String zoneBody = "{\"villageCode\":\"" + village + "\",\"name\":\"冒烟区-" + suffix + "\",\"kind\":\"OTHER\"}";
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> defined = new java.util.concurrent.atomic.AtomicReference<>();
        // until camera-inventory's replica has seen the village it answers 503 (retryable)
        Processes.await(Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> r = send("POST", cameras + "/api/v1/zones", zoneBody, Map.of());
                defined.set(r);
                return r.statusCode() != 503;
            } catch (Exception e) {
                return false;
            }
        });
        HttpResponse<String> zone = defined.get();
        if (zone == null || zone.statusCode() != 201) {
            problems.add("defining a zone answered " + (zone == null ? "nothing" : zone.statusCode() + ": " + zone.body()));
            return problems;
        }
        long zoneId = JSON.readTree(zone.body()).path("id").asLong();
        String serial = "SMOKE-" + suffix;
        HttpResponse<String> camera = send("POST", cameras + "/api/v1/cameras", "{\"serial\":\"" + serial + "\",\"villageCode\":\""
                + village + "\",\"zoneId\":" + zoneId + ",\"model\":\"smoke\",\"vendor\":\"smoke\",\"position\":{\"latitude\":43.5,"
                + "\"longitude\":123.5},\"lifecycle\":\"OPERATIONAL\"}", Map.of());
        if (camera.statusCode() != 201) {
            problems.add("registering camera " + serial + " answered " + camera.statusCode() + ": " + camera.body());
            return problems;
        }
        // a heartbeat a day old changes nothing but tells the window
        HttpResponse<String> old = send("POST", cameras + "/api/v1/heartbeats", "{\"serials\":[\"" + serial + "\"],\"at\":\""
                + java.time.OffsetDateTime.now().minusDays(1) + "\"}", Map.of());
        if (old.statusCode() != 200) {
            problems.add("heartbeat answered " + old.statusCode() + ": " + old.body());
            return problems;
        }
        long window = JSON.readTree(old.body()).path("onlineWindowSeconds").asLong();
        HttpResponse<String> beat = send("POST", cameras + "/api/v1/heartbeats", "{\"serials\":[\"" + serial + "\"],\"at\":\""
                + java.time.OffsetDateTime.now().minusSeconds(window - 10) + "\"}", Map.of());
        if (beat.statusCode() != 200 || JSON.readTree(beat.body()).path("zonesChanged").asInt() != 1) {
            problems.add("the heartbeat did not cover the zone: " + beat.statusCode() + " " + beat.body());
            return problems;
        }
        if (!zoneCovered(cameras, zoneId)) {
            problems.add("zone " + zoneId + " is not covered after the heartbeat");
        }
        boolean uncovered = Processes.await(Duration.ofSeconds(40), () -> {
            try {
                return !zoneCovered(cameras, zoneId);
            } catch (Exception e) {
                return false;
            }
        });
        if (!uncovered) {
            problems.add("zone " + zoneId + " still covered 40 s after its only camera fell silent (window + sweep)");
        }
        return problems;
    }

    private boolean zoneCovered(String cameras, long zoneId) throws Exception {
        HttpResponse<String> z = send("GET", cameras + "/api/v1/zones/" + zoneId, null, Map.of());
        return z.statusCode() == 200 && JSON.readTree(z.body()).path("covered").asBoolean();
    }

    HttpResponse<String> send(String method, String url, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
