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
    private final String bootstrapServers;

    /** {@code token}: a district admin's for {@link #SMOKE_REGION}, signed with the stack's key. */
    SmokeFlows(Smoke smoke, List<ServiceDescriptor> services, String token, String bootstrapServers) {
        this.smoke = smoke;
        this.token = token;
        this.bootstrapServers = bootstrapServers;
        services.forEach(s -> this.services.put(s.name(), s));
    }

    void run() {
        smoke.check("a region renamed in village-projects reaches reporting through Kafka", this::regionReachesReporting);
        smoke.check("a village, its plan and an inspection are published on village.events", this::villagePlanInspection);
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

    /** The smoke's own township and standard (scope 99), made once; each run adds a village under them. */
    static final String SMOKE_TOWNSHIP = SMOKE_REGION + "0101001";
    static final String SMOKE_STANDARD = "smoke-standard";

    private List<String> villagePlanInspection() throws Exception {
        List<String> problems = new ArrayList<>();
        String base = services.get("village-projects").baseUrl();
        for (String[] r : new String[][] {{SMOKE_REGION + "01", "冒烟市"}, {SMOKE_REGION + "0101", "冒烟县"}, {SMOKE_TOWNSHIP, "冒烟乡"}}) {
            expect(problems, send("POST", base + "/api/v1/regions", "{\"code\":\"" + r[0] + "\",\"name\":\"" + r[1] + "\"}",
                    Map.of()), "registering region " + r[0], 201, 409);
        }
        HttpResponse<String> drafted = send("POST", base + "/api/v1/standards", "{\"id\":\"" + SMOKE_STANDARD
                + "\",\"scope\":\"" + SMOKE_REGION + "\",\"basedOn\":\"jilin-illustrative-v1\",\"nameZh\":\"冒烟测试标准\","
                + "\"nameEn\":\"Smoke standard\",\"illustrative\":true}", Map.of());
        expect(problems, drafted, "drafting the smoke standard", 201, 409);
        if (drafted.statusCode() == 201) {
            expect(problems, send("POST", base + "/api/v1/standards/" + SMOKE_STANDARD + "/publish", null,
                    Map.of("If-Match", drafted.headers().firstValue("ETag").orElse(""))), "publishing it", 200);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String village = null;
        for (int attempt = 0; attempt < 20 && village == null; attempt++) {
            String code = SMOKE_TOWNSHIP + String.format("%03d", new java.util.Random().nextInt(1000));
            HttpResponse<String> r = send("POST", base + "/api/v1/villages", "{\"code\":\"" + code + "\",\"townshipCode\":\""
                    + SMOKE_TOWNSHIP + "\",\"name\":\"冒烟村" + code.substring(9) + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (r.statusCode() == 201) {
                village = code;
            } else if (r.statusCode() != 409) {
                problems.add("registering a village answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
        }
        if (village == null) {
            problems.add("no free village code under " + SMOKE_TOWNSHIP);
            return problems;
        }
        expect(problems, send("PUT", base + "/api/v1/villages/" + village + "/plan", "{\"standardId\":\"" + SMOKE_STANDARD
                + "\",\"deadline\":\"2027-12-31\",\"workTargets\":[{\"itemCode\":\"street-lighting\",\"categoryCode\":"
                + "\"street-lamp-repair\",\"quantity\":10}]}", Map.of()), "setting its plan", 201);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        expect(problems, send("POST", base + "/api/v1/villages/" + village + "/inspections", "{\"itemCode\":\"village-plan\","
                + "\"verdict\":\"PASS\",\"inspectedOn\":\"" + today + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                "recording an inspection", 201);
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> types = TopicEvents.typesForKey(bootstrapServers, "village.events", village, 4, Duration.ofSeconds(20));
        List<String> expected = List.of("cunjian.region.registered.v1", "cunjian.village.registered.v1",
                "cunjian.plan.set.v1", "cunjian.inspection.recorded.v1");
        if (!types.equals(expected)) {
            problems.add("village.events under " + village + " held " + types + ", expected " + expected);
        }
        return problems;
    }

    private static void expect(List<String> problems, HttpResponse<String> answer, String what, Integer... statuses) {
        if (!List.of(statuses).contains(answer.statusCode())) {
            problems.add(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
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
