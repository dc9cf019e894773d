package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The developer's stack keeps its fixed places; an isolated instance shares none of them. */
class StackSettingsTest {

    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../../..")).toAbsolutePath().normalize();

    @Test
    void theStandardStackRunsTheServicesAsTheirOwnConfigurationSays() {
        StackSettings standard = StackSettings.standard(ROOT);
        assertThat(standard.state()).isEqualTo(ROOT.resolve("deploy/local/.state"));
        assertThat(List.of(standard.kafkaPort(), standard.kafkaControllerPort(), standard.embeddedPgPort())).containsExactly(9092, 9093, 15432);
        assertThat(standard.services(ROOT)).isEqualTo(ServiceDescriptor.discover(ROOT));
        assertThat(standard.loadSeeds()).isTrue();
        assertThat(standard.freshDatabases()).isFalse();
    }

    @Test
    void anIsolatedInstanceHasItsOwnPortsStateAndDatabases() {
        StackSettings isolated = StackSettings.isolated(ROOT, ROOT.resolve("e2e/target/x"), "cunjian_e2e_");
        List<ServiceDescriptor> standard = ServiceDescriptor.discover(ROOT);
        List<ServiceDescriptor> own = isolated.services(ROOT);
        assertThat(own).hasSameSizeAs(standard).isNotEmpty();
        Set<Integer> ports = new HashSet<>(List.of(isolated.kafkaPort(), isolated.kafkaControllerPort(), isolated.embeddedPgPort()));
        own.forEach(s -> ports.add(s.port()));
        assertThat(ports).hasSize(own.size() + 3).doesNotContain(9092, 9093, 15432)
                .doesNotContainAnyElementsOf(standard.stream().map(ServiceDescriptor::port).toList());
        assertThat(own).extracting(ServiceDescriptor::database).allMatch(db -> db.startsWith("cunjian_e2e_"))
                .doesNotContainAnyElementsOf(standard.stream().map(ServiceDescriptor::database).toList());
        assertThat(isolated.freshDatabases()).isTrue();
        assertThat(isolated.loadSeeds()).isFalse();
    }
}
