package io.cunjian.chassis.security;

import java.util.Collection;
import java.util.Set;

/**
 * Region codes are statistical division codes at their own length (province 2, city 4,
 * county/district 6, township 9, village 12 digits). "May act in 220303" means the target's code
 * starts with 220303: no look-up is needed.
 */
public final class Regions {

    private static final Set<Integer> LENGTHS = Set.of(2, 4, 6, 9, 12);

    private Regions() {
    }

    public static boolean isRegionCode(String code) {
        return code != null && LENGTHS.contains(code.length()) && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether a holder of {@code granted} may act on {@code target} (prefix rule). */
    public static boolean covers(Collection<String> granted, String target) {
        // Only well-formed codes count: an empty or odd grant must never match everything.
        return isRegionCode(target) && granted.stream().anyMatch(g -> isRegionCode(g) && target.startsWith(g));
    }
}
