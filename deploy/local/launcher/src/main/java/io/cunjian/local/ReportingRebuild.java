package io.cunjian.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds reporting's read models from offset zero, with reporting stopped: empties its tables
 * and message log, moves its consumer group back to the start of the three topics, and (after the
 * caller restarts it) waits until it has caught up and compares each village's figures with those
 * before. Offline on purpose for now: the online rebuild into fresh tables with a switch-over is
 * still to come (issue 7), and this is what a new projection needs on an existing stack.
 */
final class ReportingRebuild {

    static final String GROUP = "reporting";
    static final List<String> TOPICS = List.of("village.events", "workorder.events", "camera.events");
    /** Every table reporting fills from events (its own, the chassis replica's, the message log). */
    static final List<String> TABLES = List.of("rp_village", "rp_category", "rp_standard", "rp_plan", "rp_inspection",
            "rp_work_order", "rp_zone", "rp_camera", "rp_item_progress", "rp_village_progress",
            "rp_village_progress_history", "rp_watermark", "rp_township_item", "rp_township_open_orders", "report_region_history", "replica_region", "replica_category",
            "message_log");

    private final Postgres.Server db;
    private final String database;
    private final String bootstrap;

    ReportingRebuild(Postgres.Server db, String database, String bootstrap) {
        this.db = db;
        this.database = database;
        this.bootstrap = bootstrap;
    }

    /** Each village's progress, standard and 达标, as text: what must come out the same. */
    Map<String, String> figures() throws SQLException {
        Map<String, String> figures = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT village_code, standard_id, progress, meets, items_met FROM rp_village_progress")) {
            while (rs.next()) {
                figures.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
                        + rs.getBoolean(4) + " " + rs.getInt(5));
            }
        }
        return figures;
    }

    /** With reporting stopped: empty tables, consumer group back to the earliest offsets. */
    void reset() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", TABLES));
        }
        try (Admin admin = KafkaBroker.admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicPartition tp : partitions(admin)) {
                earliest.put(tp, OffsetSpec.earliest());
            }
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(GROUP, start).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the group's committed offsets reach the topics' ends; false on timeout. */
    boolean awaitCaughtUp(Duration timeout) {
        return Processes.await(timeout, () -> {
            try (Admin admin = KafkaBroker.admin(bootstrap)) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicPartition tp : partitions(admin)) {
                    latest.put(tp, OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
                        return false;
                    }
                }
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static List<TopicPartition> partitions(Admin admin) throws Exception {
        List<TopicPartition> all = new ArrayList<>();
        for (var d : admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> all.add(new TopicPartition(d.name(), p.partition())));
        }
        return all;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), db.user(), "");
    }
}
