package io.cunjian.reporting.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.cunjian.reporting.domain.ReadPositions;
import io.cunjian.reporting.domain.RebuildTables;
import io.cunjian.reporting.domain.Rebuilds;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A rebuild's tables live in a schema of their own ({@code rp_build_<id>}), empty copies of the
 * read models in public; the swap moves the live tables to a retired schema and the rebuilt ones into
 * public, holding the live tables exclusively for a moment.
 */
@ApplicationScoped
class RebuildSchemas implements RebuildTables {

    private static final Logger LOG = Logger.getLogger(RebuildSchemas.class);
    /** Tables in public that are not read models: they stay when the read models are swapped. */
    static final List<String> KEPT = List.of("flyway_schema_history", "outbox_event", "idempotency_record", "rp_rebuild");

    @Inject
    EntityManager em;

    static String schema(long id) {
        return "rp_build_" + id;
    }

    @Override
    public void lockAndRetireAbandoned() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(3, 0)").getSingleResult();
        List<?> abandoned = em.createNativeQuery("""
                UPDATE rp_rebuild SET state = 'FAILED', finished_at = now(), error = 'abandoned: no heartbeat for two minutes'
                WHERE state = 'BUILDING' AND heartbeat_at < now() - interval '2 minutes' RETURNING id""").getResultList();
        for (Object dead : abandoned) {
            // its instance died with its half-built tables: nothing else will ever drop them
            em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema(((Number) dead).longValue()) + " CASCADE").executeUpdate();
        }
    }

    @Override
    public OptionalLong building() {
        List<?> running = em.createNativeQuery("SELECT id FROM rp_rebuild WHERE state = 'BUILDING'").getResultList();
        return running.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) running.get(0)).longValue());
    }

    @Override
    public long create(String requestedBy) {
        long created = ((Number) em.createNativeQuery("""
                INSERT INTO rp_rebuild (state, requested_by, started_at, heartbeat_at) VALUES ('BUILDING', :by, now(), now())
                RETURNING id""").setParameter("by", requestedBy).getSingleResult()).longValue();
        createTables(schema(created));
        return created;
    }

    @Override
    public Optional<Rebuilds.Rebuild> find(long id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, state, requested_by, started_at, caught_up_at, finished_at, events, repeats, unreadable, error
                FROM rp_rebuild WHERE id = :id""").setParameter("id", id).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Rebuilds.Rebuild(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Reports.time(r[3]),
                Reports.time(r[4]), Reports.time(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                ((Number) r[8]).longValue(), (String) r[9]));
    }

    /** Empty copies of the read models (structure, indexes, defaults), each serial column with a sequence of its own. */
    private void createTables(String schema) {
        em.createNativeQuery("CREATE SCHEMA " + schema).executeUpdate();
        for (String table : readModels()) {
            em.createNativeQuery("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)")
                    .executeUpdate();
        }
        List<?> serials = em.createNativeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = :schema AND column_default LIKE 'nextval(%' ORDER BY 1, 2""")
                .setParameter("schema", schema).getResultList();
        for (Object row : serials) {
            String table = (String) ((Object[]) row)[0];
            String column = (String) ((Object[]) row)[1];
            String sequence = schema + "." + table + "_" + column + "_seq";
            em.createNativeQuery("CREATE SEQUENCE " + sequence + " OWNED BY " + schema + "." + table + "." + column).executeUpdate();
            em.createNativeQuery("ALTER TABLE " + schema + "." + table + " ALTER COLUMN " + column
                    + " SET DEFAULT nextval('" + sequence + "')").executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> readModels() {
        List<String> tables = em.createNativeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1""").getResultList();
        return tables.stream().filter(t -> !KEPT.contains(t)).toList();
    }

    /**
     * Points the transaction at the rebuild's tables, and lets its commit return before the WAL
     * reaches the disk: a replay is made again from the topics, and a rebuild cut short by a crash
     * is abandoned (its heartbeat stops), so a lost commit costs nothing. The swap commits as usual.
     */
    @Override
    public void use(long id) {
        em.createNativeQuery("SELECT set_config('search_path', :path, true), set_config('synchronous_commit', 'off', true)")
                .setParameter("path", schema(id) + ", public").getResultList();
    }

    @Override
    public void analyse(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : readModels()) {
                em.createNativeQuery("ANALYZE " + schema(id) + "." + table).executeUpdate();
            }
        });
    }

    @Override
    public void heartbeat(long id, long records, long unreadable, boolean caughtUp) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE rp_rebuild SET heartbeat_at = now(), events = :events, unreadable = :unreadable,
                  caught_up_at = CASE WHEN :caughtUp THEN coalesce(caught_up_at, clock_timestamp()) ELSE caught_up_at END
                WHERE id = :id""").setParameter("events", records - unreadable).setParameter("unreadable", unreadable)
                .setParameter("caughtUp", caughtUp).setParameter("id", id).executeUpdate());
    }

    @Override
    public boolean swap(long id, long records, long unreadable, Supplier<Map<ReadPositions.Partition, Long>> topicEnds) {
        String schema = schema(id);
        String retired = "rp_retired_" + id;
        if (restartedSince(id)) {
            fail(id, "PostgreSQL restarted during the replay, whose last commits may be lost (they do not wait for the disk): "
                    + "start the rebuild again");
            return true;
        }
        try {
            boolean swapped = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("SELECT set_config('lock_timeout', '5s', true)").getSingleResult();
                List<String> tables = readModels();
                for (String table : tables) {
                    em.createNativeQuery("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE").executeUpdate();
                }
                // Behind: a partition where the live tables hold events the new ones do not. Only
                // offsets the topic still has count — live tables made from records since deleted
                // (retention, a topic made anew) can never be matched, and need not be.
                Map<ReadPositions.Partition, Long> end = topicEnds.get(); // read with the live tables held: nothing is applied meanwhile
                List<String> behind = new ArrayList<>();
                for (Object row : em.createNativeQuery("SELECT l.topic, l.partition, l.next_offset, coalesce(n.next_offset, 0)"
                        + " FROM public.rp_offset l LEFT JOIN " + schema + ".rp_offset n ON n.topic = l.topic"
                        + " AND n.partition = l.partition").getResultList()) {
                    Object[] r = (Object[]) row;
                    Long topicEnd = end.get(new ReadPositions.Partition((String) r[0], ((Number) r[1]).intValue()));
                    long live = Math.min(((Number) r[2]).longValue(), topicEnd == null ? Long.MAX_VALUE : topicEnd);
                    if (((Number) r[3]).longValue() < live) {
                        behind.add(r[0] + "-" + r[1]);
                    }
                }
                if (!behind.isEmpty()) {
                    LOG.debugf("rebuild %d: the live tables are ahead on %s; reading on", id, behind);
                    return false;
                }
                em.createNativeQuery("CREATE SCHEMA " + retired).executeUpdate();
                for (String table : tables) {
                    em.createNativeQuery("ALTER TABLE public." + table + " SET SCHEMA " + retired).executeUpdate();
                    em.createNativeQuery("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").executeUpdate();
                }
                em.createNativeQuery("""
                        UPDATE rp_rebuild SET state = 'SWITCHED', finished_at = clock_timestamp(), heartbeat_at = now(),
                          events = :events, unreadable = :unreadable,
                          repeats = :events - (SELECT count(*) FROM public.message_log)
                        WHERE id = :id""").setParameter("events", records - unreadable).setParameter("unreadable", unreadable)
                        .setParameter("id", id).executeUpdate();
                return true;
            });
            if (swapped) {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("DROP SCHEMA " + retired + " CASCADE").executeUpdate();
                    em.createNativeQuery("DROP SCHEMA " + schema + " CASCADE").executeUpdate();
                });
                LOG.infof("rebuild %d swapped in: %d events read", id, records);
            }
            return swapped;
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %d: could not swap yet (%s); reading on", id, e.toString());
            return false;
        }
    }

    /** Whether the database server started after the rebuild did: the replay's unflushed commits may then be lost. */
    private boolean restartedSince(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "SELECT pg_postmaster_start_time() > started_at FROM rp_rebuild WHERE id = :id").setParameter("id", id)
                .getSingleResult());
    }

    @Override
    public void fail(long id, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema(id) + " CASCADE").executeUpdate();
                em.createNativeQuery("""
                        UPDATE rp_rebuild SET state = 'FAILED', finished_at = clock_timestamp(), error = :error WHERE id = :id""")
                        .setParameter("error", error).setParameter("id", id).executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record that rebuild %d failed", id);
        }
    }
}
