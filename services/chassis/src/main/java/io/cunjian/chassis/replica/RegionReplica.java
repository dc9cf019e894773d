package io.cunjian.chassis.replica;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.domain.UnknownReference;
import io.cunjian.chassis.inbox.IncomingEvent;

/**
 * A service's copy of the regions and villages village-projects publishes (docs/design.md, "Boundaries and ownership": services
 * never read each other's tables nor call each other to do their job). Fed from the consumer's
 * transaction by {@link #on}; an older event never overwrites a newer one (versions).
 *
 * <p>A write naming a village the replica does not hold is refused (ADR 0028): while the replica has not
 * read all of village.events, with a retryable problem (503 + Retry-After), since the village may have been
 * created a second ago; once it has ({@link ReplicaProgress}), as naming a village that does not exist (422).
 *
 * <p>That a village exists is kept in memory once the table has shown it (docs/adr/0033-create-path-in-fewer-round-trips.md):
 * villages are registered and renamed, never removed, so a village found once is found for good and
 * {@link #requireVillage} asks the table only about codes it has not seen yet. What may change (the name) is
 * always read from the table ({@link #find}).
 */
@ApplicationScoped
public class RegionReplica {

    public static final String REGISTERED = "cunjian.region.registered.v1";
    public static final String RENAMED = "cunjian.region.renamed.v1";
    public static final int VILLAGE_CODE_LENGTH = 12;

    public record ReplicaRegion(String code, String name, String level, String parentCode, long version) {
    }

    /** What a client is told to wait before sending again a request naming a village not known yet. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Beyond this many villages the memory stops growing and the others are looked up in the table each time. */
    static final int KNOWN_VILLAGES_MAX = 200_000;

    @Inject
    EntityManager em;
    @Inject
    ReplicaProgress progress;

    private final Set<String> knownVillages = ConcurrentHashMap.newKeySet();

    /** Applies a region event; returns false for other types. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(IncomingEvent event) {
        JsonNode d = event.data();
        switch (event.type()) {
            case REGISTERED -> em.createNativeQuery("""
                    INSERT INTO replica_region (code, name, level, parent_code, version, ce_time)
                    VALUES (:code, :name, :level, :parent, :version, :time)
                    ON CONFLICT (code) DO NOTHING""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("name", d.get("name").asText())
                    .setParameter("level", d.get("level").asText())
                    .setParameter("parent", d.path("parentCode").isTextual() ? d.get("parentCode").asText() : null)
                    .setParameter("version", d.get("version").asLong())
                    .setParameter("time", event.time())
                    .executeUpdate();
            case RENAMED -> em.createNativeQuery("""
                    UPDATE replica_region SET name = :name, version = :version, ce_time = :time
                    WHERE code = :code AND version < :version""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("name", d.get("name").asText())
                    .setParameter("version", d.get("version").asLong())
                    .setParameter("time", event.time())
                    .executeUpdate();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Transactional
    public Optional<ReplicaRegion> find(String code) {
        List<?> rows = em.createNativeQuery(
                "SELECT code, name, level, parent_code, version FROM replica_region WHERE code = :code")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ReplicaRegion((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue()))
                .findFirst();
    }

    /**
     * That the village {@code code} (sent as {@code field}) exists: 400 when the code cannot be a village's, 422 when this
     * replica has read everything and holds no such village, 503 (retry) while it has not read everything.
     */
    public void requireVillage(String field, String code) {
        if (!RegionCode.isVillageCode(code)) {
            throw new InvalidInput(field, "problem.replica.village-code.invalid");
        }
        if (knownVillages.contains(code)) {
            return;
        }
        // Asked before the lookup: a village applied in between is then found, never reported unknown.
        boolean readToTheEnd = progress.caughtUp(code);
        ReplicaRegion village = find(code).filter(r -> r.code().length() == VILLAGE_CODE_LENGTH).orElseThrow(() -> readToTheEnd
                ? new UnknownReference(field, "problem.replica.village-not-found.field", "problem.replica.village-not-found", code)
                : new NotYetKnown(RETRY_AFTER, "problem.replica.village-unknown", code));
        if (knownVillages.size() < KNOWN_VILLAGES_MAX) {
            knownVillages.add(village.code());
        }
    }
}
