package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Faults;
import io.cunjian.e2e.WriteStream;
import io.cunjian.infrastructure.KafkaCluster;
import io.cunjian.infrastructure.Postgres;

/**
 * The restore drill of docs/operations/backup.md, in the full sweep: after a stream of writes,
 * work-orders is stopped, its database dumped ({@code pg_dump -Fc}), dropped and restored
 * ({@code pg_restore}); every table comes back row for row (the outbox and the message log
 * included), nothing is published again, reporting rebuilds its read models from the topics, and
 * the figures equal the ledger and those before (lost = 0, counted twice = 0).
 */
@ExtendWith(E2eStack.Extension.class)
class RestoreDrillIT {

    @Test
    void workOrdersDatabaseRestoredFromADumpLosesNothingAndRepublishesNothing(E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, "220382341", "端到端恢复乡", EveryFaultIT.CONTRACTOR);
        WriteStream writes = run.stream("restore", 6, 30).mix(WriteStream.Mix.ALL).start();
        run.settleAndCheck(writes, "before the restore");
        String admin = stack.callers().districtAdmin("22");
        JsonNode figuresBefore = stack.api().get("reporting", "/api/v1/reports/regions/220382341").as(admin).expect(200);
        long recordsBefore = records(stack.stack().kafka(), "workorder.events");

        String db = stack.service("work-orders").database();
        Postgres.Server server = stack.database();
        // As an operator scales to 0 first: the outbox drained, so no row is in flight when it stops.
        for (int i = 0; i < 60 && unsent(server, db) > 0; i++) {
            Api.sleep(1_000);
        }
        assertThat(unsent(server, db)).as("outbox rows not yet sent").isZero();
        stack.kill("work-orders");
        Map<String, String> tablesBefore = tables(server, db);
        Path dump = stack.rootDir().resolve("e2e/target/restore-drill-" + db + ".dump");
        Files.createDirectories(dump.getParent());
        dump.toFile().deleteOnExit(); // a drill leaves no dump in the checkout (and target/ is ignored)
        long t = System.nanoTime();
        run(server, "pg_dump", "-Fc", "--create", "-f", dump.toString(), db);
        long dumped = System.nanoTime();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + db + " WITH (FORCE)");
        }
        run(server, "pg_restore", "--create", "--exit-on-error", "-d", "postgres", dump.toString());
        long restored = System.nanoTime();
        assertThat(tables(server, db)).as("every table of " + db + ", row for row").isEqualTo(tablesBefore);
        assertThat(tablesBefore).containsKeys("outbox_event", "message_log", "work_order");

        stack.restart("work-orders");
        Api.sleep(5_000); // a few relay passes: a row sent again would show on the topic
        assertThat(records(stack.stack().kafka(), "workorder.events")).as("records on workorder.events: nothing published again")
                .isEqualTo(recordsBefore);

        long r = System.nanoTime();
        long id = stack.api().post("reporting", "/api/v1/admin/rebuilds").as(admin).expect(201).path("id").asLong();
        JsonNode rebuild = null;
        for (int i = 0; i < 120; i++) {
            rebuild = stack.api().get("reporting", "/api/v1/admin/rebuilds/" + id).as(admin).expect(200);
            if (!"BUILDING".equals(rebuild.path("state").asText())) {
                break;
            }
            Api.sleep(1_000);
        }
        assertThat(rebuild.path("state").asText()).as("the rebuild: " + rebuild).isEqualTo("SWITCHED");
        long rebuilt = System.nanoTime();

        run.settleAndCheck(writes, "work-orders' database restored from a dump, reporting rebuilt");
        JsonNode figuresAfter = stack.api().get("reporting", "/api/v1/reports/regions/220382341").as(admin).expect(200);
        ((com.fasterxml.jackson.databind.node.ObjectNode) figuresBefore).remove("freshness");
        ((com.fasterxml.jackson.databind.node.ObjectNode) figuresAfter).remove("freshness");
        assertThat(figuresAfter).as("the township's figures before and after").isEqualTo(figuresBefore);
        System.out.printf("RESTORE DRILL %s: %d tables, %d rows, dump %d bytes in %d ms, restore in %d ms; "
                + "workorder.events %d records before and after; reporting rebuilt from %s events in %d ms%n",
                db, tablesBefore.size(), tablesBefore.values().stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum(),
                Files.size(dump), (dumped - t) / 1_000_000, (restored - dumped) / 1_000_000, recordsBefore,
                rebuild.path("events").asText(), (rebuilt - r) / 1_000_000);
    }

    /** Each table with its row count and a checksum of its rows. */
    private static Map<String, String> tables(Postgres.Server server, String db) throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), "");
             Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(x::text), '' "
                        + "ORDER BY md5(x::text))), '-') FROM " + name + " x")) {
                    rs.next();
                    tables.put(name, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static long unsent(Postgres.Server server, String db) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long records(KafkaCluster kafka, String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static void run(Postgres.Server server, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(1, List.of("-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user()));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", full) + ":\n" + out).isZero();
    }
}
