package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules in deploy/observability are checked and unit-tested by promtool on every build
 * (the Debian package {@code prometheus}; .ci/run installs it). A missing promtool fails the build:
 * rules nobody ran would page at three in the morning, or never.
 */
class AlertRulesTest {

    private static final Path ROOT = OutsideReferences.repositoryRoot(Path.of(""));
    private static final Path OBSERVABILITY = ROOT.resolve("deploy/observability");
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\S+)\\s*$");
    private static final Pattern RUNBOOK = Pattern.compile("^\\s*runbook_url: (\\S+)\\s*$");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool(), "check", "rules"));
        ruleFiles().forEach(f -> command.add(f.toString()));
        Result r = run(command);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void everyRuleFilePassesItsUnitTests() throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool(), "test", "rules"));
        try (Stream<Path> tests = Files.list(OBSERVABILITY.resolve("tests"))) {
            tests.filter(p -> p.toString().endsWith(".test.yml")).sorted().forEach(p -> command.add(p.toString()));
        }
        assertThat(command).hasSizeGreaterThan(3);
        Result r = run(command);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("FAILED");
    }

    @Test
    void aWrongExpectationFailsTheRuleTests(@TempDir Path dir) throws Exception {
        // The outbox alert does not fire on a row 30 s old; a test claiming it does must fail.
        Path wrong = dir.resolve("wrong.test.yml");
        Files.writeString(wrong, """
                rule_files:
                  - %s
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'cunjian_outbox_oldest_pending_age_seconds{job="work-orders"}'
                        values: '30x10'
                    alert_rule_test:
                      - eval_time: 5m
                        alertname: OutboxOldestPendingTooOld
                        exp_alerts:
                          - exp_labels: { severity: page, job: work-orders }
                """.formatted(OBSERVABILITY.resolve("rules/cunjian.rules.yml")));
        Result r = run(List.of(promtool(), "test", "rules", wrong.toString()));
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("FAILED").contains("OutboxOldestPendingTooOld");
    }

    @Test
    void everyAlertLinksItsRunbookAndTheRunbookExists() throws IOException {
        TreeSet<String> alerts = new TreeSet<>();
        for (Path file : ruleFiles()) {
            String alert = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher a = ALERT.matcher(line);
                Matcher u = RUNBOOK.matcher(line);
                if (a.matches()) {
                    assertThat(alert).as("alert before %s in %s has no runbook_url", a.group(1), file).isNull();
                    alert = a.group(1);
                    alerts.add(alert);
                } else if (line.matches("^\\s*- record: .*")) {
                    assertThat(alert).as("alert %s in %s has no runbook_url", alert, file).isNull();
                } else if (u.matches()) {
                    assertThat(alert).as("runbook_url outside an alert in %s", file).isNotNull();
                    assertThat(ROOT.resolve(u.group(1))).as("runbook of %s", alert).isRegularFile();
                    assertThat(u.group(1)).as("runbook of %s is named after it", alert).isEqualTo(runbookOf(alert));
                    alert = null;
                }
            }
            assertThat(alert).as("alert %s in %s has no runbook_url", alert, file).isNull();
        }
        assertThat(alerts).contains("ConsumerFreshnessBudgetBurn", "ApiAvailabilityBudgetBurn", "ApiLatencyBudgetBurn",
                "OutboxOldestPendingTooOld", "ConsumerLagGrowing", "RecordsDeadLettered", "ApiServerErrorRate", "TargetDown",
                "TargetAbsent");
    }

    /** {@code ConsumerLagGrowing} → docs/operations/runbooks/consumer-lag-growing.md */
    static String runbookOf(String alert) {
        String kebab = alert.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        return "docs/operations/runbooks/" + kebab + ".md";
    }

    private static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("rules"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".rules.yml")).sorted().toList();
            assertThat(found).as("rule files in " + OBSERVABILITY.resolve("rules")).isNotEmpty();
            return found;
        }
    }

    static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("promtool is not on the PATH: install the Debian package prometheus "
                + "(apt-get install -y prometheus; .ci/run does this)");
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(OBSERVABILITY.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Result(p.exitValue(), out);
    }
}
