package io.cunjian.local;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Topics;

/**
 * {@code smoke}: checks the running stack end to end — topics, each service's health, tokens and
 * pages, the flows across services ({@link SmokeFlows}), and that the seeds are loaded and shown —
 * and exits 1 on any failure, so that CI can run it after {@code start}.
 */
final class SmokeCommand implements StackCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 永加社区, the seeded village whose verified work the seeds carry. */
    private static final String SEEDED_VILLAGE = "220382201001";

    @Override
    public int run(Stack stack, List<String> args) throws Exception {
        Smoke smoke = new Smoke();
        try (Admin admin = stack.kafka().admin()) {
            smoke.check("Kafka topics exist with their partitions, unlimited retention; auto-creation off",
                    () -> Topics.check(admin, ""));
        }
        String viewer = stack.token("smoke", "viewer", List.of("22"), null, Duration.ofMinutes(5));
        for (ServiceDescriptor s : stack.services()) {
            smoke.checkHealthy(s);
            smoke.checkTokens(s, viewer, "smoke");
            smoke.checkWebPages(s);
        }
        String admin = stack.token("smoke-admin", "district-admin", List.of(SmokeFlows.SMOKE_REGION), null,
                Duration.ofMinutes(5));
        new SmokeFlows(smoke, stack.services(), admin, stack.kafka().bootstrapServers()).run();
        smoke.check("loading seeds/ again creates nothing", () -> {
            Seeds.Report again = stack.seeds().load();
            return again.created() == 0 ? List.of() : List.of("a second load created " + again.created() + " rows");
        });
        smoke.check("reporting shows 永加社区's seeded verified work against its plan",
                () -> seededProgress(stack.service("reporting").baseUrl(), viewer));
        new DemoChecks(stack).run(smoke);
        return smoke.report();
    }

    /**
     * 永加社区's plan has all its lighting work verified by the seed orders, and 3 of 4 road
     * categories (its 200 parking spaces are only planned): lighting met, roads 0.75; the county's
     * roll-up counts it.
     */
    private static List<String> seededProgress(String reporting, String viewerToken) {
        String url = reporting + "/api/v1/reports/villages/" + SEEDED_VILLAGE;
        Map<String, String> auth = Map.of("Authorization", "Bearer " + viewerToken);
        String[] last = {""};
        boolean shown = Processes.await(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = HttpProbe.get(url, auth);
                last[0] = r.statusCode() + " " + r.body();
                if (r.statusCode() != 200) {
                    return false;
                }
                String lighting = "";
                double roads = -1;
                for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                    if (item.path("code").asText().equals("street-lighting")) {
                        lighting = item.path("status").asText();
                    } else if (item.path("code").asText().equals("roads-and-drainage")) {
                        roads = item.path("progress").asDouble();
                    }
                }
                return lighting.equals("MET") && roads == 0.75;
            } catch (Exception e) {
                return false;
            }
        });
        if (!shown) {
            return List.of("reporting did not show lighting MET and roads 0.75 within 60 s: " + last[0]);
        }
        // and the county's roll-up counts it: 永加社区 among the villages meeting street lighting
        try {
            HttpResponse<String> r = HttpProbe.get(reporting + "/api/v1/reports/regions/220382", auth);
            for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                if (item.path("itemCode").asText().equals("street-lighting") && item.path("met").asLong() >= 1) {
                    return List.of();
                }
            }
            return List.of("the roll-up of 220382 does not count 永加社区's street lighting as met: " + r.statusCode() + " " + r.body());
        } catch (Exception e) {
            return List.of("the roll-up of 220382 could not be read: " + e);
        }
    }
}
