package io.cunjian.camerainventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * 全覆盖、无死角 — the one definition of coverage: a camera watches its zone while it is in a lifecycle that
 * {@link #COUNTING counts} (OPERATIONAL) and online; it is online while its last heartbeat is later than the
 * start of the online window (a heartbeat exactly at the start is already too old); a zone is covered while
 * at least one of its cameras watches it.
 * <p>
 * Why the rule is written here in Java while production decides it in SQL: heartbeat batches, the offline
 * sweep and the recomputation of zones are single set-based statements (one update for thousands of
 * cameras), so the rule has to be evaluated inside those statements. Rather than keep a second definition
 * in a database function, the SQL is rendered from this class ({@code persistence.CoverageSql} reads
 * {@link #COUNTING} and the window's comparison from here), and a test runs that production SQL on
 * PostgreSQL for every lifecycle × online/offline × window edge and compares each answer with this class.
 * Changing the rule here changes the SQL; a rendering that disagrees fails the test.
 */
public final class CoverageRule {

    /** The lifecycles in which an online camera watches its zone. */
    public static final Set<Lifecycle> COUNTING = Collections.unmodifiableSet(EnumSet.of(Lifecycle.OPERATIONAL));

    private CoverageRule() {
    }

    /** Whether a camera in this lifecycle watches its zone when it is online. */
    public static boolean counts(Lifecycle lifecycle) {
        return COUNTING.contains(lifecycle);
    }

    /** Whether a camera watches its zone now. */
    public static boolean watches(Lifecycle lifecycle, boolean online) {
        return online && counts(lifecycle);
    }

    /** The start of the online window at {@code now}: heartbeats at or before it are too old. */
    public static Instant windowStart(Instant now, Duration onlineWindow) {
        return now.minus(onlineWindow);
    }

    /** Whether a camera last seen at {@code lastSeen} (null: never) is online for a window starting at {@code windowStart}. */
    public static boolean online(Instant lastSeen, Instant windowStart) {
        return lastSeen != null && lastSeen.isAfter(windowStart);
    }

    /** Whether a change of lifecycle can change the zone's coverage (only when it crosses {@link #COUNTING}). */
    public static boolean changesCoverage(Lifecycle from, Lifecycle to) {
        return counts(from) != counts(to);
    }
}
