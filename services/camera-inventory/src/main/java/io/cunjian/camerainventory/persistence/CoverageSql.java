package io.cunjian.camerainventory.persistence;

import java.util.stream.Collectors;

import io.cunjian.camerainventory.domain.CoverageRule;

/**
 * {@link CoverageRule} rendered as SQL for the set-based statements of {@link SqlLiveStatusStore}: the only
 * place the rule is written in SQL, and written from the Java definition (the counting lifecycles are read
 * from {@link CoverageRule#COUNTING}, the window's comparison mirrors {@link CoverageRule#online}), so the two
 * cannot drift apart unnoticed: CoverageSqlTest runs these fragments inside the production statements for
 * every lifecycle × online/offline × window edge and compares them with the Java rule.
 */
final class CoverageSql {

    /** {@code 'OPERATIONAL'}: the counting lifecycles as an SQL list (enum names, safe to inline). */
    private static final String COUNTING = CoverageRule.COUNTING.stream().map(l -> "'" + l.name() + "'").sorted()
            .collect(Collectors.joining(", "));

    private CoverageSql() {
    }

    /** Whether camera {@code c} is in a lifecycle that counts ({@link CoverageRule#COUNTING}), online or not. */
    static String counts(String c) {
        return c + ".lifecycle IN (" + COUNTING + ")";
    }

    /** Whether camera {@code c} watches its zone now ({@link CoverageRule#watches}). */
    static String watches(String c) {
        return counts(c) + " AND " + c + ".online";
    }

    /** Whether a camera last seen at {@code lastSeen} is online for a window starting at {@code windowStart} ({@link CoverageRule#online}). */
    static String online(String lastSeen, String windowStart) {
        return "(" + lastSeen + " > " + windowStart + ")";
    }

    /** The negation of {@link #online}, for the sweep (a camera never seen is never online, so never swept). */
    static String noLongerOnline(String lastSeen, String windowStart) {
        return "NOT " + online(lastSeen, windowStart);
    }

    /** Whether zone {@code zoneId} is covered: one of its cameras watches it. */
    static String covered(String zoneId) {
        return "EXISTS (SELECT 1 FROM camera c WHERE c.zone_id = " + zoneId + " AND " + watches("c") + ")";
    }
}
