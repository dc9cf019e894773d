package io.cunjian.chassis.security;

import java.util.List;

import io.quarkus.security.ForbiddenException;

import io.cunjian.chassis.domain.RegionCode;

/**
 * What a list may show: the caller's regions, narrowed by the list's region filter. A filter wider
 * than the caller's regions shows what the caller may see of it; one beside them all is refused
 * (403), as reading one thing there would be.
 */
public final class RegionScope {

    private RegionScope() {
    }

    /**
     * The caller's region prefixes for a list filtered to {@code filter} (null or empty: none), for
     * callers with one of {@code roles}; 403 for other roles and for a filter beside every region.
     * The filter must already be a valid region code.
     */
    public static List<String> of(Caller caller, String filter, Role... roles) {
        caller.requireRole(roles);
        List<String> regions = caller.regions().stream().filter(RegionCode::isValid).sorted().toList();
        if (filter != null && !filter.isEmpty()
                && regions.stream().noneMatch(r -> r.startsWith(filter) || filter.startsWith(r))) {
            throw new ForbiddenException("outside the caller's regions: " + filter);
        }
        return regions;
    }

    /** {@link #of} for the roles that read region data (READ_IN_REGION: staff and viewers). */
    public static List<String> readable(Caller caller, String filter) {
        return of(caller, filter, Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER);
    }
}
