package io.cunjian.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label allow-list of docs/operations/metrics.md, in one place for every service's tests: each
 * {@code cunjian_*} and HTTP server metric at {@code /q/metrics} may carry only these label names. A
 * village code, an id or free text as a label would make a new time series per value and leak what
 * the metrics endpoint (public, like all of /q) must not show.
 */
public final class MetricLabels {

    /** The label names each metric family may carry; {@code le} is a histogram's bucket bound. */
    public static final Map<String, Set<String>> ALLOWED = Map.of(
            "cunjian_consumer_", Set.of("consumer", "topic", "group", "outcome", "le"),
            "cunjian_outbox_", Set.of(),
            "cunjian_heartbeats_", Set.of(),
            "cunjian_cameras_", Set.of(),
            "cunjian_villages_", Set.of(),
            "cunjian_rebuild_", Set.of(),
            "cunjian_reporting_rollup_", Set.of("level", "le"),
            "http_server_", Set.of("method", "outcome", "status", "uri", "url_scheme", "le"));

    // The label set ends at the first "} " (a value such as uri="/things/{id}" has braces, but no "} " inside).
    // What follows " # " is an exemplar (the trace of one sample): not a label, it makes no series.
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})? ");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\",?");

    private MetricLabels() {
    }

    /** Label names per {@code cunjian_*} and {@code http_server_*} metric of a Prometheus exposition. */
    public static Map<String, Set<String>> labelsByMetric(String exposition) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Set<String> labels = found.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        found.keySet().removeIf(name -> !name.startsWith("cunjian_") && !name.startsWith("http_server_"));
        return found;
    }

    /** What breaks the allow-list: a metric of no listed family, or a label its family does not allow. Empty when none. */
    public static List<String> violations(String exposition) {
        List<String> out = new ArrayList<>();
        labelsByMetric(exposition).forEach((metric, labels) -> {
            Set<String> allowed = ALLOWED.entrySet().stream().filter(e -> metric.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (allowed == null) {
                out.add(metric + " is in no family of the allow-list (docs/operations/metrics.md)");
            } else {
                labels.stream().filter(l -> !allowed.contains(l)).forEach(l -> out.add(metric + " carries label " + l));
            }
        });
        return out;
    }
}
