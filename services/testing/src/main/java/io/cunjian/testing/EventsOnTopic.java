package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** What the tests read back: a key's events on the real topic (each schema-checked), and outbox rows in the database. */
public final class EventsOnTopic {

    public static final ObjectMapper JSON = new ObjectMapper();

    private EventsOnTopic() {
    }

    /** Waits until {@code key} has at least {@code count} events on the topic, then returns them all, each valid against its schema. */
    public static List<TopicReader.Event> forKey(String bootstrap, String topic, String key, int count) {
        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, topic, Duration.ofSeconds(30),
                read -> read.stream().filter(e -> key.equals(e.key())).count() >= count).stream()
                .filter(e -> key.equals(e.key())).toList();
        assertThat(events).as("events of " + key).hasSizeGreaterThanOrEqualTo(count);
        for (TopicReader.Event e : events) {
            assertThat(e.ceSubject()).isEqualTo(key);
            assertThat(schemaProblems(e.ceType(), data(e))).as(e.ceType() + " " + e.data()).isEmpty();
        }
        return events;
    }

    /**
     * The chassis' {@code EventSchemas.problems}, called by name: the chassis' own tests use this
     * module, so it cannot depend on the chassis (every service's test class path has both).
     */
    @SuppressWarnings("unchecked")
    public static List<String> schemaProblems(String ceType, JsonNode data) {
        try {
            return (List<String>) Class.forName("io.cunjian.chassis.events.EventSchemas")
                    .getMethod("problems", String.class, JsonNode.class).invoke(null, ceType, data);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the chassis is not on the test class path", e);
        }
    }

    public static JsonNode data(TopicReader.Event e) {
        try {
            return JSON.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    /** Outbox rows (pending or sent) under {@code key}: what a write committed to publish. */
    public static long outboxRows(DataSource db, String key) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static long rows(DataSource db, String table, String code) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
