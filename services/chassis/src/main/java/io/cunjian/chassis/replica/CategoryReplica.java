package io.cunjian.chassis.replica;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.UnknownReference;
import io.cunjian.chassis.inbox.IncomingEvent;

/**
 * A service's copy of the work-category catalogue from village.events, next to {@link RegionReplica}
 * and fed by the same consumer. A work order's quantity is in its category's unit, so the unit is
 * what services read here; it never changes once published, so {@link #require} keeps a category's unit in
 * memory once the table has shown it (categories are never removed) and asks the table only about codes it
 * has not seen yet (docs/adr/0033-create-path-in-fewer-round-trips.md). Names may change: {@link #find} reads them.
 */
@ApplicationScoped
public class CategoryReplica {

    public static final String DEFINED = "cunjian.category.defined.v1";
    public static final String RENAMED = "cunjian.category.renamed.v1";
    /** village-projects keys a category's events {@code category:<code>} (they share village.events). */
    static final String KEY_PREFIX = "category:";

    /** What never changes about a category once defined: its code and the unit its quantities are counted in. */
    public record Unit(String code, String unit, String unitZh) {
    }

    public record ReplicaCategory(String code, String nameZh, String nameEn, String unit, String unitZh, String group,
            long version) {
    }

    /** A category code as village-projects defines it: lower-case words joined by hyphens. */
    public static final String CODE_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
    public static final int CODE_MAX_LENGTH = 50;
    /** Compiled once: {@link String#matches} compiles its pattern on every call, on every create. */
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    /** Beyond this many categories the memory stops growing (the catalogue has a few dozen). */
    static final int KNOWN_MAX = 10_000;

    @Inject
    EntityManager em;
    @Inject
    ReplicaProgress progress;

    private final Map<String, Unit> known = new ConcurrentHashMap<>();

    /** Applies a category event; returns false for other types. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(IncomingEvent event) {
        JsonNode d = event.data();
        switch (event.type()) {
            case DEFINED -> em.createNativeQuery("""
                    INSERT INTO replica_category (code, name_zh, name_en, unit, unit_zh, grp, version, ce_time)
                    VALUES (:code, :zh, :en, :unit, :unitZh, :grp, :version, :time)
                    ON CONFLICT (code) DO NOTHING""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("zh", d.get("nameZh").asText())
                    .setParameter("en", d.get("nameEn").asText())
                    .setParameter("unit", d.get("unit").asText())
                    .setParameter("unitZh", d.get("unitZh").asText())
                    .setParameter("grp", d.get("group").asText())
                    .setParameter("version", d.get("version").asLong())
                    .setParameter("time", event.time())
                    .executeUpdate();
            case RENAMED -> em.createNativeQuery("""
                    UPDATE replica_category SET name_zh = :zh, name_en = :en, version = :version, ce_time = :time
                    WHERE code = :code AND version < :version""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("zh", d.get("nameZh").asText())
                    .setParameter("en", d.get("nameEn").asText())
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
    public Optional<ReplicaCategory> find(String code) {
        List<?> rows = em.createNativeQuery(
                "SELECT code, name_zh, name_en, unit, unit_zh, grp, version FROM replica_category WHERE code = :code")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ReplicaCategory((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).longValue()))
                .findFirst();
    }

    /**
     * The unit of the category {@code code} (sent as {@code field}): 400 when the code cannot be a category's, 422 when
     * this replica has read everything and holds no such category, 503 (retry) while it has not (ADR 0028).
     */
    public Unit require(String field, String code) {
        if (!validCode(code)) {
            throw new InvalidInput(field, "problem.replica.category-code.invalid");
        }
        Unit unit = known.get(code);
        if (unit != null) {
            return unit;
        }
        boolean readToTheEnd = progress.caughtUp(KEY_PREFIX + code); // before the lookup, as for villages
        ReplicaCategory category = find(code).orElseThrow(() -> readToTheEnd
                ? new UnknownReference(field, "problem.replica.category-not-found.field", "problem.replica.category-not-found", code)
                : new NotYetKnown(RegionReplica.RETRY_AFTER, "problem.replica.category-unknown", code));
        unit = new Unit(category.code(), category.unit(), category.unitZh());
        if (known.size() < KNOWN_MAX) {
            known.put(code, unit);
        }
        return unit;
    }

    public static boolean validCode(String code) {
        return code != null && code.length() <= CODE_MAX_LENGTH && CODE.matcher(code).matches();
    }
}
