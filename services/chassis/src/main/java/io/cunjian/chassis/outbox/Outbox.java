package io.cunjian.chassis.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.config.QuarkusSettings;
import io.cunjian.chassis.events.EventData;
import io.cunjian.chassis.events.EventSchemas;
import io.cunjian.chassis.tracing.TraceParent;

/**
 * Where service code records the events its changes cause. The rows commit with the change or not
 * at all ({@code MANDATORY}: there is no outbox write outside a business transaction).
 *
 * <p>{@link #publish} checks and serializes the event at once (a bad event fails the caller's
 * request), and the rows are written just before the commit ({@code beforeCompletion}, after
 * Hibernate's flush): {@code ce_time} is the clock at that moment, and the per-entity advisory lock
 * taken there is held only for the commit itself. A second transaction about the same entity
 * ({@link OutgoingEvent#entity()}, the key unless the producer names a narrower one) writes its
 * rows — and gets higher ids — only after the first has committed, so the relay, which publishes
 * each key's rows in id order, publishes every entity's events in commit order. Transactions about
 * different entities of one key commit side by side; a transaction that saw another's commit still
 * gets higher ids than it, so causes are published before their effects.
 */
@ApplicationScoped
public class Outbox {

    static final int ENTITY_LOCK_NAMESPACE = 1;

    /** {@code traceParent}: the context the event was created in (ADR 0023), null outside any trace. */
    private record Row(UUID id, OutgoingEvent event, byte[] payload, String traceParent) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    QuarkusSettings quarkus;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutgoingEvent event) {
        JsonNode data = json.valueToTree(event.data());
        if (config.validateSchemas()) {
            List<String> problems = EventSchemas.problems(event.type(), data);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(event.type() + " does not match its schema: " + problems);
            }
        }
        byte[] payload = EventData.bytes(json, data);
        UUID id = UUID.randomUUID();
        // Taken here, on the caller's thread, where the request's span is current.
        pendingRows().add(new Row(id, event, payload, TraceParent.current().orElse(null)));
        return id;
    }

    /** The rows of the current transaction, written at its end. */
    @SuppressWarnings("unchecked")
    private List<Row> pendingRows() {
        List<Row> rows = (List<Row>) transactions.getResource(Outbox.class);
        if (rows == null) {
            List<Row> created = new ArrayList<>();
            transactions.putResource(Outbox.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
            rows = created;
        }
        return rows;
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(?))";
    private static final String INSERT = """
            INSERT INTO outbox_event (ce_id, ce_type, ce_source, ce_subject, ce_time, topic, event_key, key_bucket, payload, traceparent)
            VALUES (?, ?, ?, ?, clock_timestamp(), ?, ?, ?, ?, ?)""";

    /** Up to this many rows go in the locks' round trip; more (a batch of heartbeats' flips) in a batch of their own. */
    static final int ROWS_WITH_THE_LOCKS = 16;

    private void write(List<Row> rows) {
        // Sorted, so that two transactions locking the same entities cannot deadlock.
        List<String> entities = rows.stream().map(r -> r.event().entity()).distinct().sorted().toList();
        List<Row> withLocks = rows.size() <= ROWS_WITH_THE_LOCKS ? rows : List.of();
        // The locks, then the rows, as statements of one round trip: the server runs them in this order, so every row
        // is written (its id and ce_time taken) only once all its entities' locks are held.
        List<String> statements = new ArrayList<>(Collections.nCopies(entities.size(), LOCK));
        statements.addAll(Collections.nCopies(withLocks.size(), INSERT));
        // The transaction's own connection (Agroal hands out the enlisted one inside a transaction).
        try (Connection c = dataSource.getConnection();
             PreparedStatement locksAndRows = c.prepareStatement(String.join(";\n", statements))) {
            int p = 1;
            for (String entity : entities) {
                locksAndRows.setInt(p++, ENTITY_LOCK_NAMESPACE);
                locksAndRows.setString(p++, entity);
            }
            for (Row r : withLocks) {
                p = bind(locksAndRows, p, r);
            }
            locksAndRows.execute();
            if (withLocks.isEmpty()) {
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (Row r : rows) {
                        bind(insert, 1, r);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            // Thrown from beforeCompletion, this rolls the whole transaction back: no change without its events.
            throw new IllegalStateException("could not write the outbox rows", e);
        }
    }

    /** Binds the row's values to {@link #INSERT}'s parameters from {@code p} on; returns the next parameter's index. */
    private int bind(PreparedStatement insert, int p, Row r) throws SQLException {
        insert.setObject(p++, r.id());
        insert.setString(p++, r.event().type());
        insert.setString(p++, "/cunjian/" + quarkus.applicationName());
        insert.setString(p++, r.event().subject());
        insert.setString(p++, r.event().topic());
        insert.setString(p++, r.event().key());
        insert.setInt(p++, Math.floorMod(r.event().key().hashCode(), config.buckets()));
        insert.setBytes(p++, r.payload());
        insert.setString(p++, r.traceParent());
        return p;
    }
}
