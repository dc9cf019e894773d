package io.cunjian.chassis.security;

import static io.cunjian.chassis.security.Decision.ALLOW;
import static io.cunjian.chassis.security.Decision.FORBIDDEN;
import static io.cunjian.chassis.security.Decision.NOT_FOUND;
import static io.cunjian.chassis.security.Role.CONTRACTOR;
import static io.cunjian.chassis.security.Role.DEVICE;
import static io.cunjian.chassis.security.Role.DISTRICT_ADMIN;
import static io.cunjian.chassis.security.Role.TOWNSHIP_STAFF;
import static io.cunjian.chassis.security.Role.VIEWER;

/** The access rules the services share (docs/design.md, "The token contract"); a service adds its own with {@link Policy#named}. */
public final class Policies {

    private Policies() {
    }

    /** Work that belongs to a region and, once assigned, to one contractor (a work order). */
    public record Assigned(String regionCode, String contractorId) {
    }

    /** Read anything in the region: staff and viewers whose regions cover it. */
    public static final Policy<String> READ_IN_REGION = Policy.named("read-in-region",
            (caller, region) -> inRegion(caller, region, DISTRICT_ADMIN, TOWNSHIP_STAFF, VIEWER));

    /** Change things in the region (villages, plans, orders, inspections): district and township staff. */
    public static final Policy<String> MANAGE_IN_REGION = Policy.named("manage-in-region",
            (caller, region) -> inRegion(caller, region, DISTRICT_ADMIN, TOWNSHIP_STAFF));

    /** What only the district decides (standards, categories, contractors): district admins. */
    public static final Policy<String> ADMINISTER_IN_REGION = Policy.named("administer-in-region",
            (caller, region) -> inRegion(caller, region, DISTRICT_ADMIN));

    /**
     * Read a shared catalogue (work categories, versions of the creation standard): every person,
     * contractors included (their orders name categories); not devices, which only post heartbeats.
     * The target names the catalogue.
     */
    public static final Policy<String> READ_CATALOGUE = Policy.named("read-catalogue",
            (caller, catalogue) -> caller.hasRole(DISTRICT_ADMIN, TOWNSHIP_STAFF, VIEWER, CONTRACTOR) ? ALLOW : FORBIDDEN);

    /** Report a camera's heartbeat: devices, for cameras in their regions. */
    public static final Policy<String> REPORT_HEARTBEAT = Policy.named("report-heartbeat",
            (caller, region) -> inRegion(caller, region, DEVICE));

    /**
     * See or work on assigned work: staff and viewers in its region, and the contractor it is assigned
     * to. Any other contractor is told it does not exist (404), so order ids reveal nothing.
     */
    public static final Policy<Assigned> SEE_ASSIGNED_WORK = Policy.named("see-assigned-work", (caller, work) -> {
        if (caller.hasRole(CONTRACTOR) && caller.contractorOwns(work.contractorId())) {
            return ALLOW;
        }
        Decision staff = READ_IN_REGION.decide(caller, work.regionCode());
        if (staff == ALLOW || !caller.hasRole(CONTRACTOR)) {
            return staff;
        }
        return NOT_FOUND;
    });

    private static Decision inRegion(Caller caller, String region, Role... roles) {
        return caller.hasRole(roles) && caller.mayActIn(region) ? ALLOW : FORBIDDEN;
    }
}
