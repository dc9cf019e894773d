package io.cunjian.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.cunjian.local.ServiceDescriptor;

/**
 * What a service does with Kafka, read from its own configuration and code rather than from a
 * second list: the topics it consumes and dead-letters to (its {@code mp.messaging.incoming.*}
 * channels), the topics its outbox writes (the {@code TopicNames} constant of every
 * {@code new OutgoingEvent(…)} in its code) and its consumer group (Quarkus's default: the application name).
 */
record KafkaUse(String service, String group, Set<String> consumes, Set<String> deadLetters, Set<String> owns) {

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern CHANNEL_DLQ = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    /** An event the service's outbox publishes: {@code new OutgoingEvent(TopicNames.X, …)} (reading a topic names it too). */
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("new OutgoingEvent\\(\\s*TopicNames\\.([A-Z_]+)\\b");
    private static final Pattern CONSTANT_VALUE = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\"");

    static KafkaUse of(ServiceDescriptor s) {
        Properties p = ServiceDescriptor.load(s.module().resolve("src/main/resources/application.properties"));
        Set<String> consumes = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.contains("group.id")) {
                throw new AssertionError(s.name() + " sets " + key + ": the ACLs assume the application name as group");
            }
            if (CHANNEL_TOPIC.matcher(key).matches()) {
                consumes.add(unprefixed(p.getProperty(key)));
            } else if (CHANNEL_DLQ.matcher(key).matches()) {
                deadLetters.add(unprefixed(p.getProperty(key)));
            }
        }
        return new KafkaUse(s.name(), p.getProperty("quarkus.application.name").strip(), consumes, deadLetters,
                topicsPublished(s.module().resolve("src/main/java")));
    }

    private static String unprefixed(String topic) {
        return topic.replace("${cunjian.kafka.topic-prefix:}", "").strip();
    }

    private static Set<String> topicsPublished(Path sources) {
        Map<String, String> constants = topicConstants();
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TOPIC_CONSTANT.matcher(Files.readString(f));
                while (m.find()) {
                    topics.add(constants.get(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        try {
            Matcher m = CONSTANT_VALUE.matcher(Files.readString(
                    Overlays.ROOT.resolve("services/chassis/src/main/java/io/cunjian/chassis/events/TopicNames.java")));
            while (m.find()) {
                constants.put(m.group(1), m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return constants;
    }
}
