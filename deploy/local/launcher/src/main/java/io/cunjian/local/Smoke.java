package io.cunjian.local;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.infrastructure.Readiness;

/** Runs named checks against the running stack and reports them; any failure fails the smoke. */
public final class Smoke {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> failures = new ArrayList<>();
    private int passed;

    /** {@code problems} returns what is wrong; empty means the check passed. */
    public void check(String name, Callable<List<String>> problems) {
        List<String> found;
        try {
            found = problems.call();
        } catch (Exception e) {
            found = List.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            passed++;
            System.out.println("PASS " + name);
        } else {
            failures.add(name);
            System.out.println("FAIL " + name);
            found.forEach(p -> System.out.println("     - " + p));
        }
    }

    void checkHealthy(ServiceDescriptor s) {
        check(s.name() + ": live, ready with its database and Kafka, OpenAPI and Swagger UI served", () -> {
            List<String> problems = new ArrayList<>();
            HttpResponse<String> live = HttpProbe.get(s.baseUrl() + "/q/health/live", Map.of());
            if (live.statusCode() != 200) {
                problems.add("liveness answered " + live.statusCode());
            }
            HttpResponse<String> ready = HttpProbe.get(s.baseUrl() + "/q/health/ready", Map.of());
            if (ready.statusCode() != 200) {
                problems.add("readiness answered " + ready.statusCode() + ": " + ready.body());
            }
            problems.addAll(Readiness.problems(ready.body()));
            HttpResponse<String> openapi = HttpProbe.get(s.baseUrl() + "/q/openapi", Map.of("Accept", "application/yaml"));
            if (openapi.statusCode() != 200 || !openapi.body().startsWith("---\nopenapi: 3")) {
                problems.add("OpenAPI document answered " + openapi.statusCode());
            }
            HttpResponse<String> swagger = HttpProbe.get(s.baseUrl() + "/q/swagger-ui/", Map.of());
            if (swagger.statusCode() != 200 || !swagger.body().contains("swagger-ui")) {
                problems.add("Swagger UI answered " + swagger.statusCode());
            }
            return problems;
        });
    }

    /** The service refuses a call without a token (problem+json 401) and accepts the stack's token for who it says. */
    void checkTokens(ServiceDescriptor s, String token, String subject) {
        check(s.name() + ": 401 problem+json without a token, the stack's token accepted (GET /me)", () -> {
            List<String> problems = new ArrayList<>();
            HttpResponse<String> anonymous = HttpProbe.get(s.baseUrl() + "/me", Map.of());
            if (anonymous.statusCode() != 401
                    || !anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                problems.add("without a token: " + anonymous.statusCode() + " " + anonymous.headers().firstValue("Content-Type"));
            }
            HttpResponse<String> me = HttpProbe.get(s.baseUrl() + "/me", Map.of("Authorization", "Bearer " + token));
            if (me.statusCode() != 200 || !subject.equals(JSON.readTree(me.body()).path("subject").asText())) {
                problems.add("with the stack's token: " + me.statusCode() + " " + me.body());
            }
            return problems;
        });
    }

    /** The web pages a service serves (docs/web-pages.md). */
    static final Map<String, List<String>> PAGES = Map.of(
            "reporting", List.of("/dashboard/", "/webjars/echarts/dist/echarts.min.js"),
            "work-orders", List.of("/contractor/", "/staff/"));

    /** The stack's development sign-in is on (and only it signs tokens the service accepts); the service's pages are served. */
    void checkWebPages(ServiceDescriptor s) {
        check(s.name() + ": sign-in page and development sign-in (demo.viewer's token accepted), pages served", () -> {
            List<String> problems = new ArrayList<>();
            for (String page : List.of("/web/sign-in.html", "/web/cunjian.js")) {
                HttpResponse<String> r = HttpProbe.get(s.baseUrl() + page, Map.of());
                if (r.statusCode() != 200) {
                    problems.add(page + " answered " + r.statusCode());
                }
            }
            for (String page : PAGES.getOrDefault(s.name(), List.of())) {
                HttpResponse<String> r = HttpProbe.get(s.baseUrl() + page, Map.of());
                if (r.statusCode() != 200) {
                    problems.add(page + " answered " + r.statusCode());
                }
            }
            HttpResponse<String> users = HttpProbe.get(s.baseUrl() + "/dev/sign-in", Map.of());
            if (users.statusCode() != 200 || !users.body().contains("demo.viewer")) {
                problems.add("GET /dev/sign-in answered " + users.statusCode() + " (is CUNJIAN_DEV_SIGN_IN_ENABLED set?)");
                return problems;
            }
            HttpResponse<String> signedIn = HttpProbe.send("POST", s.baseUrl() + "/dev/sign-in/demo.viewer", null, Map.of());
            String token = signedIn.statusCode() == 200 ? JSON.readTree(signedIn.body()).path("token").asText() : "";
            HttpResponse<String> me = HttpProbe.get(s.baseUrl() + "/me", Map.of("Authorization", "Bearer " + token));
            if (me.statusCode() != 200 || !"demo.viewer".equals(JSON.readTree(me.body()).path("subject").asText())) {
                problems.add("demo.viewer's token: sign-in " + signedIn.statusCode() + ", GET /me " + me.statusCode());
            }
            return problems;
        });
    }

    int report() {
        System.out.println();
        System.out.println("smoke: " + passed + " passed, " + failures.size() + " failed");
        return failures.isEmpty() ? 0 : 1;
    }
}
