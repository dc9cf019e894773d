package io.cunjian.community.domain;

import static io.cunjian.chassis.security.Decision.ALLOW;
import static io.cunjian.chassis.security.Decision.FORBIDDEN;

import io.cunjian.chassis.security.Policy;
import io.cunjian.chassis.security.Role;

/**
 * community's own access rule beside the chassis' (docs/adr/0038-personal-data-in-community.md): personal
 * information is seen and handled only by the district and township staff of the household's region. Viewers
 * (leaders, dashboards) read the grid — ids and figures — but no name; contractors and devices nothing.
 */
public final class CommunityPolicies {

    private CommunityPolicies() {
    }

    /** Read, record or erase the personal information of households in the region. */
    public static final Policy<String> HANDLE_PERSONAL_DATA = Policy.named("handle-personal-data",
            (caller, region) -> caller.hasRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF) && caller.mayActIn(region)
                    ? ALLOW : FORBIDDEN);
}
