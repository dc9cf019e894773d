package io.cunjian.k8s;

import static io.cunjian.k8s.Manifests.at;
import static io.cunjian.k8s.Manifests.list;
import static io.cunjian.k8s.Manifests.map;
import static io.cunjian.k8s.Manifests.name;
import static io.cunjian.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cunjian.local.ServiceDescriptor;

/** The production overlay's five services: health, scaling, disruption, isolation, security, configuration. */
@SuppressWarnings("unchecked")
class ProductionWorkloadsTest {

    /** {@code ${NAME}} or {@code ${NAME:default}}, as DockerComposeTest reads them. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /**
     * Set though no {@code ${…}} names them: the image's start script reads JAVA_OPTS_APPEND, the
     * chassis' sign-in page reads {@code cunjian.web.oidc.*}, Quarkus {@code quarkus.datasource.jdbc.max-size}
     * (MicroProfile Config maps the names).
     */
    private static final Set<String> READ_WITHOUT_REFERENCE = Set.of("JAVA_OPTS_APPEND", "CUNJIAN_WEB_OIDC_ISSUER",
            "CUNJIAN_WEB_OIDC_CLIENT_ID", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    static Path rendered;
    static List<Map<String, Object>> objects;
    static List<ServiceDescriptor> services;

    @BeforeAll
    static void render() {
        rendered = Overlays.render("production");
        objects = Overlays.objects(rendered);
        services = ServiceDescriptor.discover(Overlays.ROOT);
    }

    @Test
    void everyServiceHasProbesOnItsHealthEndpointsAndSizes() {
        for (ServiceDescriptor s : services) {
            Map<String, Object> c = container(s);
            assertThat(list(c, "ports")).extracting(p -> p.get("containerPort")).containsExactly(s.port());
            assertThat(at(c, "livenessProbe", "httpGet", "path")).as(s.name()).isEqualTo("/q/health/live");
            assertThat(at(c, "readinessProbe", "httpGet", "path")).as(s.name()).isEqualTo("/q/health/ready");
            assertThat(at(c, "startupProbe", "httpGet", "path")).as(s.name()).isEqualTo("/q/health/started");
            assertThat(map(c, "resources", "requests")).as(s.name()).containsKeys("cpu", "memory");
            assertThat(map(c, "resources", "limits")).as(s.name()).containsKey("memory");
        }
    }

    @Test
    void everyServiceScalesWithinThePartitionsKeepsOneReplicaThroughDisruptionsAndSpreads() {
        int partitions = ProductionKafkaAndPostgresTest.eventPartitions(objects);
        for (ServiceDescriptor s : services) {
            Map<String, Object> hpa = named("HorizontalPodAutoscaler", s.name());
            assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(s.name());
            assertThat((Integer) at(hpa, "spec", "minReplicas")).as(s.name()).isGreaterThanOrEqualTo(2);
            assertThat((Integer) at(hpa, "spec", "maxReplicas")).as(s.name() + ": a consumer beyond the partitions idles")
                    .isLessThanOrEqualTo(partitions);
            Map<String, Object> pdb = named("PodDisruptionBudget", s.name());
            assertThat(map(pdb, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", s.name()));
            assertThat((Integer) at(pdb, "spec", "minAvailable")).isGreaterThanOrEqualTo(1);
            assertThat(list(deployment(s), "spec", "template", "spec", "topologySpreadConstraints"))
                    .extracting(t -> t.get("topologyKey")).contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    /** No pooler (ADR 0015): every replica at the HPAs' maximum must still get its connections. */
    @Test
    void theDatabaseTakesEveryServiceAtItsMaximumReplicas() {
        int perReplica = Integer.parseInt(String.valueOf(map(ofKind(objects, "ConfigMap").get(0), "data")
                .get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")));
        int needed = 0;
        for (ServiceDescriptor s : services) {
            needed += (Integer) at(named("HorizontalPodAutoscaler", s.name()), "spec", "maxReplicas") * perReplica;
        }
        Map<String, Object> cluster = ofKind(objects, "Cluster").get(0);
        int max = Integer.parseInt((String) at(cluster, "spec", "postgresql", "parameters", "max_connections"));
        assertThat(needed).as("connections at the HPAs' maximum (the operator keeps ~20 for itself)").isLessThanOrEqualTo(max - 20);
    }

    @Test
    void everyServiceIsFencedByItsOwnNetworkPolicy() {
        for (ServiceDescriptor s : services) {
            Map<String, Object> policy = named("NetworkPolicy", s.name());
            assertThat(map(policy, "spec", "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", s.name()));
            assertThat((List<Object>) at(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            List<Object> ports = new java.util.ArrayList<>();
            list(policy, "spec", "ingress").forEach(r -> list(r, "ports").forEach(p -> ports.add(p.get("port"))));
            assertThat(ports).as(s.name() + ": HTTP in on its own port only").containsOnly(s.port());
            String egress = String.valueOf(at(policy, "spec", "egress"));
            assertThat(egress).contains("cnpg.io/cluster=cunjian-pg", "port=5432", "strimzi.io/cluster=cunjian-kafka", "port=9093",
                    "port=53", "port=443");
        }
    }

    /** Pod Security Standards "restricted", with the one writable path (/tmp) an emptyDir. */
    @Test
    void everyWorkloadMeetsTheRestrictedPodSecurityStandard() {
        assertThat(at(ofKind(objects, "Namespace").get(0), "metadata", "labels", "pod-security.kubernetes.io/enforce"))
                .isEqualTo("restricted");
        for (Map<String, Object> d : workloads()) {
            Map<String, Object> pod = map(d, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name(d)).isEqualTo(true);
            assertThat(at(pod, "securityContext", "seccompProfile", "type")).as(name(d)).isEqualTo("RuntimeDefault");
            assertThat(pod).as(name(d)).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");
            Map<String, String> volumeKinds = new TreeMap<>();
            for (Map<String, Object> v : list(pod, "volumes")) {
                String kind = v.keySet().stream().filter(k -> !k.equals("name")).findFirst().orElseThrow();
                assertThat(RESTRICTED_VOLUMES).as(name(d) + " volume " + v.get("name")).contains(kind);
                volumeKinds.put((String) v.get("name"), kind);
            }
            for (Map<String, Object> c : list(pod, "containers")) {
                Map<String, Object> sc = map(c, "securityContext");
                assertThat(sc.get("allowPrivilegeEscalation")).as(name(d)).isEqualTo(false);
                assertThat(sc.get("readOnlyRootFilesystem")).as(name(d)).isEqualTo(true);
                assertThat((List<Object>) at(sc, "capabilities", "drop")).as(name(d)).containsExactly("ALL");
                assertThat(at(sc, "capabilities", "add")).as(name(d)).isNull();
                assertThat(sc.get("privileged")).as(name(d)).isIn(null, false);
                Map<String, String> mounts = new TreeMap<>();
                list(c, "volumeMounts").forEach(m -> mounts.put((String) m.get("mountPath"), volumeKinds.get(m.get("name"))));
                assertThat(mounts).as(name(d) + ": /tmp is writable").containsEntry("/tmp", "emptyDir");
            }
        }
    }

    @Test
    void noSecretIsCommittedInPlainText() throws IOException {
        assertThat(ofKind(objects, "Secret")).as("production Secrets are made by the operators or by hand").isEmpty();
        assertThat(Files.readString(rendered)).doesNotContain("-----BEGIN").doesNotContainIgnoringCase("password=");
        Pattern secretish = Pattern.compile("(?i).*(PASSWORD|SECRET|JAAS|TOKEN|PRIVATE).*");
        for (Map<String, Object> d : workloads()) {
            for (Map<String, Object> e : list(container(d), "env")) {
                if (secretish.matcher((String) e.get("name")).matches()) {
                    assertThat(e).as(name(d) + " " + e.get("name")).doesNotContainKey("value");
                    assertThat(at(e, "valueFrom", "secretKeyRef", "name")).as(name(d) + " " + e.get("name")).isNotNull();
                }
            }
        }
        for (Map<String, Object> cm : ofKind(objects, "ConfigMap")) {
            assertThat(map(cm, "data").keySet()).as(name(cm)).noneMatch(k -> secretish.matcher(k).matches());
            // Tokens are checked against the identity provider's published keys: no key of ours.
            assertThat(map(cm, "data").get("JWT_PUBLIC_KEY_LOCATION")).asString().startsWith("https://").contains("/certs");
        }
    }

    /** As DockerComposeTest does for compose: what the configuration reads is set, and nothing else. */
    static final Set<String> NEVER_IN_PRODUCTION = Set.of("CUNJIAN_AUTH_DEVELOPMENT_MODE");

    @Test
    void everyServiceGetsExactlyTheEnvironmentItsConfigurationReads() throws IOException {
        // Read by every service, and left unset in production on purpose: it defaults to false, and with it the
        // development key and sign-in are refused (docs/adr/0026-development-mode-and-authentication-first.md).
        for (ServiceDescriptor s : services) {
            Map<String, Boolean> read = environmentReferences(s);
            Set<String> set = new TreeSet<>();
            Map<String, Object> c = container(s);
            list(c, "env").forEach(e -> set.add((String) e.get("name")));
            for (Map<String, Object> from : list(c, "envFrom")) {
                String configMap = (String) at(from, "configMapRef", "name");
                assertThat(configMap).as(s.name() + ": envFrom only from ConfigMaps").isNotNull();
                set.addAll(map(named("ConfigMap", configMap), "data").keySet());
            }
            read.forEach((variable, hasDefault) -> {
                if (!NEVER_IN_PRODUCTION.contains(variable)) {
                    assertThat(set).as(s.name() + " sets " + variable).contains(variable);
                }
            });
            assertThat(set).as(s.name() + ": production never switches on development mode").doesNotContainAnyElementsOf(NEVER_IN_PRODUCTION);
            Set<String> extra = new TreeSet<>(set);
            extra.removeAll(read.keySet());
            assertThat(extra).as(s.name() + ": variables set that nothing reads").isSubsetOf(READ_WITHOUT_REFERENCE);
            Map<String, Object> jaas = list(c, "env").stream().filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                    .findFirst().orElseThrow();
            assertThat(at(jaas, "valueFrom", "secretKeyRef", "name")).as("the Secret of KafkaUser " + s.name()).isEqualTo(s.name());
        }
    }

    private static Map<String, Boolean> environmentReferences(ServiceDescriptor s) throws IOException {
        Map<String, Boolean> refs = new TreeMap<>();
        for (Path file : List.of(Overlays.ROOT.resolve("services/chassis/src/main/resources/META-INF/microprofile-config.properties"),
                s.module().resolve("src/main/resources/application.properties"))) {
            Matcher m = ENV_REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                refs.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
            }
        }
        assertThat(refs).containsKeys("DB_HOST", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG");
        return refs;
    }

    private static List<Map<String, Object>> workloads() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")) {
            all.addAll(ofKind(objects, kind));
        }
        assertThat(all).hasSize(services.size());
        return all;
    }

    private static Map<String, Object> deployment(ServiceDescriptor s) {
        return named("Deployment", s.name());
    }

    private static Map<String, Object> container(ServiceDescriptor s) {
        return container(deployment(s));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(workload, "spec", "template", "spec", "containers");
        assertThat(containers).as(name(workload)).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Object> named(String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
