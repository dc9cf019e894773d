package io.cunjian.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cunjian.local.ServiceDescriptor;

/**
 * Every overlay renders with kubectl and every object in it is valid against the schemas a
 * cluster would check it with; the validator really fails on a misspelt field or a wrong type.
 */
class KubernetesOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyOverlayRendersAndEveryObjectIsValid(String overlay) {
        Path rendered = Overlays.render(overlay);
        Overlays.Run validation = Overlays.validate(rendered);
        assertThat(validation.exit()).as(overlay + ":\n" + validation.output() + validation.errors()).isZero();
        assertThat(validation.output()).contains(Overlays.objects(rendered).size() + " objects, 0 invalid");
    }

    @Test
    void aMisspeltFieldOrAWrongTypeFailsTheValidation() throws IOException {
        String production = Files.readString(Overlays.render("production"));
        assertPlantedErrorFails(production, "  partitions: 12\n", "  partitons: 12\n", "KafkaTopic", "partitons");
        assertPlantedErrorFails(production, "  instances: 3\n", "  instances: three\n", "Cluster cunjian-pg", "/spec/instances must be integer");
        assertPlantedErrorFails(production, "        type: scram-sha-512\n", "        type: scram-sha-256\n", "Kafka cunjian-kafka", "allowed values");
        assertPlantedErrorFails(production, "  minReplicas: 2\n", "  minReplicas: two\n", "HorizontalPodAutoscaler", "minReplicas must be integer");
        assertPlantedErrorFails(production, "  jobLabel: app.kubernetes.io/name\n", "  jobLabels: app.kubernetes.io/name\n", "PodMonitor", "jobLabels");
    }

    private static void assertPlantedErrorFails(String rendered, String good, String bad, String kind, String message)
            throws IOException {
        assertThat(rendered).contains(good);
        Path copy = Files.createTempFile(Path.of("target"), "planted-", ".yaml");
        try {
            Files.writeString(copy, rendered.replaceFirst(java.util.regex.Pattern.quote(good), bad));
            Overlays.Run validation = Overlays.validate(copy.toAbsolutePath());
            assertThat(validation.exit()).as("the validator must fail on " + bad.strip()).isEqualTo(1);
            assertThat(validation.output()).containsPattern("INVALID .*" + kind + ".*" + java.util.regex.Pattern.quote(message));
        } finally {
            Files.delete(copy);
        }
    }

    @Test
    void devIsOneKafkaNodeOnePostgresAndOneReplicaOfEachService() {
        List<Map<String, Object>> objects = Overlays.objects(Overlays.render("dev"));
        List<Map<String, Object>> statefulSets = Manifests.ofKind(objects, "StatefulSet");
        assertThat(statefulSets).extracting(Manifests::name).containsExactlyInAnyOrder("kafka", "postgres");
        statefulSets.forEach(s -> assertThat(Manifests.at(s, "spec", "replicas")).as(Manifests.name(s)).isEqualTo(1));
        List<Map<String, Object>> deployments = Manifests.ofKind(objects, "Deployment");
        assertThat(deployments).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(
                ServiceDescriptor.discover(Overlays.ROOT).stream().map(ServiceDescriptor::name).toList());
        deployments.forEach(d -> assertThat(Manifests.at(d, "spec", "replicas")).as(Manifests.name(d)).isEqualTo(1));
    }

    /**
     * Production cannot be rendered with the committed development key (its private half is public): no object
     * carries it, under any name, and nothing turns development mode on, without which a service refuses that key.
     * The dev overlay, which has both, shows the check finds them.
     */
    @Test
    void productionCarriesNoDevelopmentKeyAndNoDevelopmentMode() throws Exception {
        String committed = Files.readString(Overlays.ROOT.resolve("deploy/docker/dev-keys/jwt-public.pem"));
        String fingerprint = DevelopmentKeys.fingerprints(committed).get(0);
        assertThat(DevelopmentKeys.found(Overlays.render("dev"), fingerprint)).contains("CUNJIAN_AUTH_DEVELOPMENT_MODE=true")
                .anySatisfy(f -> assertThat(f).startsWith("the development key in ConfigMap jwt-dev-key-").endsWith("(jwt-public.pem)"));
        assertThat(DevelopmentKeys.found(Overlays.render("production"), fingerprint)).isEmpty();
    }

    /** kustomize reads only files below the overlay: the dev overlay keeps copies, which must not drift. */
    @Test
    void devCopiesEqualTheirOriginals() throws IOException {
        Path copies = Overlays.K8S.resolve("overlays/dev/from-docker");
        Map<String, String> originals = Map.of(
                "topics.conf", "deploy/local/topics.conf",
                "create-topics.sh", "deploy/docker/create-topics.sh",
                "init-databases.sql", "deploy/docker/init-databases.sql",
                "jwt-public.pem", "deploy/docker/dev-keys/jwt-public.pem");
        for (var e : originals.entrySet()) {
            assertThat(Files.readString(copies.resolve(e.getKey())))
                    .as(e.getKey() + " differs from " + e.getValue() + ": copy it again")
                    .isEqualTo(Files.readString(Overlays.ROOT.resolve(e.getValue())));
        }
    }
}
