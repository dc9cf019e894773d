package io.cunjian.villageprojects;

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

import io.cunjian.chassis.events.EventSchemas;
import io.cunjian.testing.TopicReader;

/** What the tests read back: a key's events on the real topic (each schema-checked), and outbox rows in the database. */
final class EventsOnTopic {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventsOnTopic() {
    }

    /** Waits until {@code key} has at least {@code count} events on the topic, then returns them all, each valid against its schema. */
    static List<TopicReader.Event> forKey(String bootstrap, String topic, String key, int count) {
        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, topic, Duration.ofSeconds(30),
                read -> read.stream().filter(e -> key.equals(e.key())).count() >= count).stream()
                .filter(e -> key.equals(e.key())).toList();
        assertThat(events).as("events of " + key).hasSizeGreaterThanOrEqualTo(count);
        for (TopicReader.Event e : events) {
            assertThat(e.ceSubject()).isEqualTo(key);
            assertThat(EventSchemas.problems(e.ceType(), data(e))).as(e.ceType() + " " + e.data()).isEmpty();
        }
        return events;
    }

    static JsonNode data(TopicReader.Event e) {
        try {
            return JSON.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    /** Outbox rows (pending or sent) under {@code key}: what a write committed to publish. */
    static long outboxRows(DataSource db, String key) {
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

    static long rows(DataSource db, String table, String code) {
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
