package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cunjian.infrastructure.KafkaCluster;

/** {@code start --brokers 3}: three nodes on their own ports, remembered for the commands after it. */
class BrokerCountTest {

    static final Path ROOT = StackSettingsTest.ROOT;

    @Test
    void threeBrokersOfTheStandardStackListenNextToTheFirstAndAllAreNamedToTheServices() {
        Stack stack = new Stack(ROOT, StackSettings.standard(ROOT).withBrokers(3));
        assertThat(stack.settings().kafkaNodes()).containsExactly(new KafkaCluster.Ports(9092, 9093),
                new KafkaCluster.Ports(9094, 9095), new KafkaCluster.Ports(9096, 9097));
        assertThat(stack.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(stack.kafka().replicationFactor()).isEqualTo(3);
        assertThat(stack.kafka().minInsyncReplicas()).isEqualTo(2);
        assertThat(new Stack(ROOT).kafka().bootstrapServers()).as("the default: one broker").isEqualTo("127.0.0.1:9092");
    }

    @Test
    void onlyOneOrThreeBrokersAreAccepted() {
        assertThat(StackCommandLine.brokersOption(List.of("--brokers", "3"), 1)).isEqualTo(3);
        assertThat(StackCommandLine.brokersOption(List.of("--embedded-pg"), 3)).as("no flag: what the last start used").isEqualTo(3);
        assertThatThrownBy(() -> StackCommandLine.brokersOption(List.of("--brokers", "2"), 1)).hasMessageContaining("[1, 3]");
        assertThatThrownBy(() -> StackCommandLine.brokersOption(List.of("--brokers"), 1)).hasMessageContaining("--brokers");
        assertThatThrownBy(() -> StackSettings.standard(ROOT).withBrokers(5)).hasMessageContaining("brokers");
    }

    @Test
    void theCountOfTheLastStartIsRemembered(@TempDir Path state) throws Exception {
        Stack stack = new Stack(ROOT, StackSettings.isolated(ROOT, state, "cunjian_brokers_"));
        assertThat(StackCommandLine.rememberedBrokers(stack)).as("before any start").isEqualTo(1);
        Files.createDirectories(state);
        Files.writeString(Stack.brokersFile(state), "3");
        assertThat(StackCommandLine.rememberedBrokers(stack)).isEqualTo(3);
    }
}
