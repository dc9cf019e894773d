package io.cunjian.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and SLOs have one home, deploy/observability/rules (tested by promtool). The
 * production overlay carries them as PrometheusRule objects for the Prometheus Operator; kustomize
 * reads only files below the overlay, so the overlay holds a copy written from the rule files —
 * this test fails when the two differ and rewrites the copy when asked:
 * {@code ./mvnw -pl deploy/k8s verify -Dtest=PrometheusRulesTest -Dcunjian.k8s.write-rules=true}.
 */
class PrometheusRulesTest {

    static final Path RULES = Overlays.ROOT.resolve("deploy/observability/rules");
    static final Path COPY = Overlays.K8S.resolve("overlays/production/prometheus-rules.yaml");

    @Test
    void theOverlaysPrometheusRulesAreTheRuleFiles() throws IOException {
        String expected = prometheusRules();
        if (Boolean.getBoolean("cunjian.k8s.write-rules")) {
            Files.writeString(COPY, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COPY, StandardCharsets.UTF_8))
                .as(COPY + " differs from the rule files: rewrite it with -Dcunjian.k8s.write-rules=true")
                .isEqualTo(expected);
    }

    @Test
    void theProductionOverlayHoldsEveryRuleGroupAndScrapesEveryService() {
        List<Map<String, Object>> objects = Overlays.objects(Overlays.render("production"));
        List<Object> groups = new ArrayList<>();
        for (Map<String, Object> rule : Manifests.ofKind(objects, "PrometheusRule")) {
            groups.addAll((List<?>) Manifests.at(rule, "spec", "groups"));
        }
        List<Object> fromFiles = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> parsed = read(file);
            fromFiles.addAll((List<?>) parsed.get("groups"));
        }
        assertThat(groups).as("rule groups in the rendered overlay").isEqualTo(fromFiles).isNotEmpty();

        Map<String, Object> monitor = Manifests.ofKind(objects, "PodMonitor").get(0);
        assertThat(Manifests.at(monitor, "spec", "jobLabel")).isEqualTo("app.kubernetes.io/name");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> selectors = (List<Map<String, Object>>) Manifests.at(monitor, "spec", "selector", "matchExpressions");
        for (Map<String, Object> deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = Manifests.name(deployment);
            assertThat(selectors.get(0).get("values")).as("PodMonitor selects " + name).asList().contains(name);
            assertThat(Manifests.at(deployment, "spec", "template", "metadata", "labels", "app.kubernetes.io/name"))
                    .isEqualTo(name);
            assertThat(String.valueOf(Manifests.at(deployment, "spec", "template", "spec", "containers")))
                    .as(name + " names its port http, which the PodMonitor scrapes").contains("name=http");
        }
    }

    /** One PrometheusRule per rule file, its spec the file's text as it is (comments and all). */
    static String prometheusRules() throws IOException {
        StringBuilder out = new StringBuilder("""
                # Written from deploy/observability/rules/*.rules.yml — do not edit here; edit the rule files
                # and rewrite this copy (deploy/k8s PrometheusRulesTest says how).
                """);
        for (Path file : ruleFiles()) {
            String base = file.getFileName().toString().replace(".rules.yml", "");
            String name = base.equals("cunjian") ? "cunjian-rules" : "cunjian-" + base + "-rules";
            out.append("---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ")
                    .append(name).append("\nspec:\n");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.append(line.isBlank() ? "" : "  " + line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(p -> p.toString().endsWith(".rules.yml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
