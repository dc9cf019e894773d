package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Prometheus;

/**
 * {@code start --with-monitoring}: the Prometheus configuration the stack writes (checked by
 * {@code promtool check config}, rule files included), the flag remembered like {@code --brokers},
 * and a real Prometheus started, answering, and gone after {@code stop}.
 */
class MonitoringTest {

    static final Path ROOT = StackSettingsTest.ROOT;

    @Test
    void theStandardStackIsWatchedOn9090WithTheBrokersOn9404AndTheCommittedRules() {
        Monitoring m = Monitoring.standard(ROOT);
        assertThat(m.prometheusPort()).isEqualTo(9090);
        assertThat(m.brokerMetricsPorts()).containsExactly(9404, 9405, 9406);
        assertThat(m.ruleFiles()).extracting(f -> f.getFileName().toString()).contains("cunjian.rules.yml", "slo.rules.yml");
        Stack stack = new Stack(ROOT, StackSettings.standard(ROOT).withBrokers(3).withMonitoring(m));
        List<String> jobs = m.jobs(stack.services(), 3).stream().map(Prometheus.Job::name).toList();
        assertThat(jobs).as("the names the alert rules select on")
                .containsExactlyInAnyOrder("village-projects", "work-orders", "camera-inventory", "reporting", "community", "kafka");
        assertThat(m.jobs(stack.services(), 3).stream().filter(j -> j.name().equals("kafka")).findFirst().orElseThrow().targets())
                .containsExactly("127.0.0.1:9404", "127.0.0.1:9405", "127.0.0.1:9406");
        assertThat(m.jobs(stack.services(), 3).stream().filter(j -> j.name().equals("reporting")).findFirst().orElseThrow())
                .isEqualTo(new Prometheus.Job("reporting", List.of("127.0.0.1:8084"), "/q/metrics"));
    }

    @Test
    void theWrittenConfigurationPassesPromtoolWithTheRulesItLoads(@TempDir Path home) throws Exception {
        Monitoring m = Monitoring.isolated(ROOT).every(Duration.ofSeconds(1));
        Stack stack = new Stack(ROOT, StackSettings.isolated(ROOT, home, "cunjian_monitoring_").withMonitoring(m));
        Path config = new Prometheus(home.resolve("prometheus"), m.prometheus()).writeConfig(m.jobs(stack.services(), 1));
        String text = Files.readString(config);
        assertThat(text).contains("job_name: 'reporting'", "metrics_path: '/q/metrics'", "job_name: 'kafka'", "scrape_interval: 1000ms");
        Process check = new ProcessBuilder("promtool", "check", "config", config.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS").contains("cunjian.rules.yml");
    }

    @Test
    void monitoringIsRememberedLikeTheBrokerCount(@TempDir Path state) throws Exception {
        Stack stack = new Stack(ROOT, StackSettings.isolated(ROOT, state, "cunjian_monitoring_"));
        assertThat(StackCommandLine.rememberedMonitoring(stack)).as("before any start").isFalse();
        Files.createDirectories(state);
        Files.writeString(Stack.monitoringFile(state), "on");
        assertThat(StackCommandLine.rememberedMonitoring(stack)).isTrue();
        assertThat(StackCommandLine.monitoringOption(List.of(), true)).as("no flag: what the last start did").isTrue();
        assertThat(StackCommandLine.monitoringOption(List.of("--with-monitoring"), false)).isTrue();
        assertThat(StackCommandLine.monitoringOption(List.of("--without-monitoring"), true)).isFalse();
        assertThatThrownBy(() -> StackCommandLine.monitoringOption(List.of("--with-monitoring", "--without-monitoring"), false))
                .hasMessageContaining("not both");
    }

    @Test
    void prometheusStartsAnswersWithTheStacksJobsAndStopLeavesNoProcess(@TempDir Path state) throws Exception {
        Monitoring m = Monitoring.isolated(ROOT).every(Duration.ofSeconds(1));
        Stack stack = new Stack(ROOT, StackSettings.isolated(ROOT, state, "cunjian_monitoring_").withMonitoring(m));
        Prometheus prometheus = stack.prometheus();
        long pid = prometheus.start(m.jobs(stack.services(), 1), Duration.ofSeconds(60));
        try {
            assertThat(stack.processes()).extracting(ProcessHandle::pid).contains(pid);
            assertThat(prometheus.query("1 + 1").path("result").get(1).asText()).isEqualTo("2");
            List<String> jobs = new ArrayList<>();
            Processes.await(Duration.ofSeconds(20), () -> prometheus.targets().size() == 6);
            for (JsonNode t : prometheus.targets()) {
                jobs.add(t.path("labels").path("job").asText());
            }
            assertThat(jobs).containsExactlyInAnyOrder("village-projects", "work-orders", "camera-inventory", "reporting", "community", "kafka");
            // nothing of the instance runs: every target is down, and the rules are loaded
            assertThat(Processes.await(Duration.ofSeconds(20), () -> prometheus.query("sum(up)").path("result").size() == 1))
                    .isTrue();
            assertThat(prometheus.api("rules").path("groups").toString()).contains("ConsumerLagGrowing", "ApiLatencyBudgetBurn");
        } finally {
            new StopCommand().stop(stack);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("Prometheus after stop").isEmpty();
        assertThat(stack.processes()).isEmpty();
    }
}
