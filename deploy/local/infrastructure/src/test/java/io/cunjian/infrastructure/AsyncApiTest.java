package io.cunjian.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * api-specs/asyncapi.yaml describes every event type that has a schema in api-specs/events/ (and no
 * other), each on exactly one channel, and only topics the stack creates.
 */
class AsyncApiTest {

    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../../.."));

    @Test
    @SuppressWarnings("unchecked")
    void describesEverySchemaOnceOnAKnownTopic() throws IOException {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(ROOT.resolve("api-specs/asyncapi.yaml"))) {
            doc = new Yaml().load(r);
        }
        Set<String> schemaTypes;
        try (Stream<Path> files = Files.list(ROOT.resolve("api-specs/events"))) {
            schemaTypes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        assertThat(new TreeSet<>(messages.keySet())).as("messages vs. schemas in api-specs/events").isEqualTo(schemaTypes);
        for (String type : schemaTypes) {
            Map<String, Object> m = (Map<String, Object>) messages.get(type);
            assertThat(((Map<String, Object>) m.get("payload")).get("$ref")).isEqualTo("./events/" + type + ".json");
        }

        Set<String> topics = Topics.specs().stream().map(Topics.Spec::name).collect(Collectors.toSet());
        Map<String, Integer> onChannels = new java.util.TreeMap<>();
        for (Object c : ((Map<String, Object>) doc.get("channels")).values()) {
            Map<String, Object> channel = (Map<String, Object>) c;
            assertThat(topics).as("channel address").contains((String) channel.get("address"));
            ((Map<String, Object>) channel.get("messages")).keySet().forEach(t -> onChannels.merge(t, 1, Integer::sum));
        }
        assertThat(onChannels.keySet()).isEqualTo(schemaTypes);
        assertThat(onChannels.values()).allMatch(n -> n == 1);
    }
}
