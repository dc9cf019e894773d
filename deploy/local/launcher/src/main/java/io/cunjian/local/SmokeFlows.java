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
