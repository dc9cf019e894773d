package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard's queries, offline on every build: each parses (promtool checks them as
 * recording rules), and each {@code cunjian_*} metric and {@code slo:*} series it reads is one the
 * metrics page documents or the SLO rules record. The sweep's MonitoringIT runs them on a live
 * Prometheus over a running stack.
 */
class DashboardTest {

    private static final Path ROOT = OutsideReferences.repositoryRoot(Path.of(""));
    private static final Path DASHBOARD = ROOT.resolve("deploy/observability/dashboards/cunjian.json");

    @Test
    void everyQueryIsPromqlThatPromtoolAccepts(@TempDir Path dir) throws Exception {
        List<DashboardQueries.Query> queries = DashboardQueries.of(DASHBOARD);
        assertThat(queries).hasSizeGreaterThan(20);
        AlertRulesTest.Result r = check(dir, queries.stream().map(DashboardQueries.Query::runnable).toList());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void aQueryThatDoesNotParseFailsTheCheck(@TempDir Path dir) throws Exception {
        AlertRulesTest.Result r = check(dir, List.of("sum by (job) (rate(http_server_requests_seconds_count[5m])"));
        assertThat(r.exit()).as(r.output()).isNotZero();
    }

    @Test
    void everyCunjianMetricAndSloSeriesItReadsIsDocumentedOrRecorded() throws Exception {
        String metricsPage = Files.readString(ROOT.resolve("docs/operations/metrics.md"));
        String sloRules = Files.readString(ROOT.resolve("deploy/observability/rules/slo.rules.yml"));
        Set<String> unknown = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (DashboardQueries.Query q : DashboardQueries.of(DASHBOARD)) {
            for (String name : q.metricNames()) {
                read.add(name);
                String family = name.replaceFirst("_(bucket|count|sum)$", "");
                if (name.startsWith("cunjian_") && !metricsPage.contains("`" + family)) {
                    unknown.add(name + " (not on docs/operations/metrics.md)");
                }
                if (name.startsWith("slo:") && !sloRules.contains("record: " + name + "\n")) {
                    unknown.add(name + " (not recorded by slo.rules.yml)");
                }
            }
        }
        assertThat(read).as("what the dashboard reads").contains("cunjian_consumer_lag_records",
                "cunjian_outbox_oldest_pending_age_seconds", "cunjian_consumer_dead_lettered_total",
                "cunjian_consumer_freshness_seconds_bucket", "http_server_requests_seconds_count",
                "slo:api_availability:error_ratio_rate1h");
        assertThat(unknown).isEmpty();
    }

    /** Each query as a recording rule of one group: {@code promtool check rules} parses every expression. */
    private static AlertRulesTest.Result check(Path dir, List<String> exprs) throws Exception {
        StringBuilder yaml = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            yaml.append("      - record: dashboard:query").append(i).append('\n')
                    .append("        expr: '").append(exprs.get(i).replace("'", "''")).append("'\n");
        }
        Path file = dir.resolve("dashboard.rules.yml");
        Files.writeString(file, yaml);
        return AlertRulesTest.run(new ArrayList<>(List.of(AlertRulesTest.promtool(), "check", "rules", file.toString())));
    }
}
