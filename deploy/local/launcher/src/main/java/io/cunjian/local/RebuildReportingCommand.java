package io.cunjian.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.infrastructure.Postgres;

/**
 * {@code rebuild-reporting}: reporting rebuilds its read models from offset zero while it runs
 * ({@link ReportingRebuild}); each village's figures before and after are compared, because a
 * difference means the read models had drifted from the events.
 */
final class RebuildReportingCommand implements StackCommand {

    @Override
    public int run(Stack stack, List<String> args) throws Exception {
        ServiceDescriptor reporting = stack.service("reporting");
        Postgres.Server db = stack.databases().recorded().orElseThrow(() -> new IllegalStateException("the stack is not running"));
        ReportingRebuild rebuild = new ReportingRebuild(db, reporting.database());
        Map<String, String> before = rebuild.figures();
        String token = stack.token("stack-rebuild", "district-admin", List.of("22"), null, Duration.ofMinutes(30));
        Stack.say("reporting", "rebuilding its read models from offset zero (figures stay readable meanwhile)");
        JsonNode outcome = rebuild.run(reporting.baseUrl(), token, Duration.ofMinutes(30));
        if (!"SWITCHED".equals(outcome.path("state").asText())) {
            System.err.println("the rebuild did not finish: " + outcome);
            return 1;
        }
        Map<String, String> after = rebuild.figures();
        List<String> changed = new ArrayList<>();
        after.forEach((village, figure) -> {
            if (!figure.equals(before.get(village))) {
                changed.add(village + ": " + before.getOrDefault(village, "(none)") + " -> " + figure);
            }
        });
        before.keySet().stream().filter(v -> !after.containsKey(v)).forEach(v -> changed.add(v + ": " + before.get(v) + " -> (none)"));
        Stack.say("reporting", "rebuilt from " + outcome.path("events").asLong() + " events (" + outcome.path("repeats").asLong()
                + " repeats, " + outcome.path("unreadable").asLong() + " unreadable): " + after.size() + " villages with figures; "
                + (changed.isEmpty() ? "identical to before" : changed.size() + " differ from before (were the read models stale?):"));
        changed.stream().sorted().limit(50).forEach(line -> System.out.println("  " + line));
        return 0;
    }
}
