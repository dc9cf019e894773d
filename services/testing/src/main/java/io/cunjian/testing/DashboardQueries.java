package io.cunjian.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL queries of a Grafana dashboard JSON ({@code deploy/observability/dashboards/}), with the
 * metric names each reads: checked offline by {@code promtool} in the build and run on a live
 * Prometheus by the end-to-end sweep.
 */
public final class DashboardQueries {

    /** One target of one panel. */
    public record Query(String panel, String expr) {

        /** The query as Prometheus takes it: Grafana's own variables replaced by what Grafana would put there. */
        public String runnable() {
            return expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h");
        }

        /** Metric (and recorded series) names: what is left once strings, matchers, ranges, grouping labels and functions are gone. */
        public Set<String> metricNames() {
            String e = runnable().replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
            Set<String> names = new LinkedHashSet<>();
            Matcher m = NAME.matcher(e);
            while (m.find()) {
                String token = m.group(1);
                boolean function = e.substring(m.end()).stripLeading().startsWith("(");
                if (!function && !KEYWORDS.contains(token)) {
                    names.add(token);
                }
            }
            return names;
        }
    }

    private static final Pattern NAME = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][\\w:]*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");

    private DashboardQueries() {
    }

    /** Every query of every panel, rows' panels included. */
    public static List<Query> of(Path dashboard) throws IOException {
        List<Query> queries = new ArrayList<>();
        collect(new ObjectMapper().readTree(dashboard.toFile()).path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    into.add(new Query(panel.path("title").asText(), target.path("expr").asText()));
                }
            }
            collect(panel.path("panels"), into); // a collapsed row keeps its panels inside
        }
    }
}
