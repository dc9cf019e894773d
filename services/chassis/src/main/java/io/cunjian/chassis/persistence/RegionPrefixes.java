package io.cunjian.chassis.persistence;

import java.util.List;

import io.quarkus.panache.common.Parameters;

import io.cunjian.chassis.domain.RegionCode;

/**
 * "Within any of these regions" as a query condition, for the lists every service scopes to the
 * caller's regions ({@link io.cunjian.chassis.security.RegionScope}). Region codes are digits only,
 * so LIKE needs no escaping; anything else is refused rather than matched.
 */
public final class RegionPrefixes {

    private RegionPrefixes() {
    }

    /** {@code (column like :region0 or …)}, the parameters added to {@code p}; no regions match nothing. */
    public static String anyOf(String column, List<String> regions, Parameters p) {
        if (regions.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder or = new StringBuilder("(");
        for (int i = 0; i < regions.size(); i++) {
            if (!RegionCode.isValid(regions.get(i))) {
                throw new IllegalArgumentException("not a region code: " + regions.get(i));
            }
            or.append(i == 0 ? "" : " or ").append(column).append(" like :region").append(i);
            p.and("region" + i, regions.get(i) + "%");
        }
        return or.append(")").toString();
    }
}
