package io.cunjian.chassis.security;

import static io.cunjian.chassis.security.CallerTest.ACME;
import static io.cunjian.chassis.security.CallerTest.OTHER;
import static io.cunjian.chassis.security.CallerTest.caller;
import static io.cunjian.chassis.security.CallerTest.contractor;
import static io.cunjian.chassis.security.Decision.ALLOW;
import static io.cunjian.chassis.security.Decision.FORBIDDEN;
import static io.cunjian.chassis.security.Decision.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoliciesTest {

    static final String VILLAGE = "220303100001";

    @Test
    void readInRegion() {
        assertThat(Policies.READ_IN_REGION.decide(caller(Role.VIEWER, "2203"), VILLAGE)).isEqualTo(ALLOW);
        assertThat(Policies.READ_IN_REGION.decide(caller(Role.TOWNSHIP_STAFF, "220303100"), VILLAGE)).isEqualTo(ALLOW);
        assertThat(Policies.READ_IN_REGION.decide(caller(Role.VIEWER, "220322"), VILLAGE)).isEqualTo(FORBIDDEN);
        assertThat(Policies.READ_IN_REGION.decide(caller(Role.DEVICE, "22"), VILLAGE)).isEqualTo(FORBIDDEN);
        assertThat(Policies.READ_IN_REGION.decide(contractor(ACME, "22"), VILLAGE)).isEqualTo(FORBIDDEN);
    }

    @Test
    void manageAndAdministerInRegion() {
        assertThat(Policies.MANAGE_IN_REGION.decide(caller(Role.TOWNSHIP_STAFF, "220303100"), VILLAGE)).isEqualTo(ALLOW);
        assertThat(Policies.MANAGE_IN_REGION.decide(caller(Role.VIEWER, "220303"), VILLAGE)).isEqualTo(FORBIDDEN);
        assertThat(Policies.MANAGE_IN_REGION.decide(caller(Role.DISTRICT_ADMIN, "220322"), VILLAGE)).isEqualTo(FORBIDDEN);
        assertThat(Policies.ADMINISTER_IN_REGION.decide(caller(Role.DISTRICT_ADMIN, "220303"), VILLAGE)).isEqualTo(ALLOW);
        assertThat(Policies.ADMINISTER_IN_REGION.decide(caller(Role.TOWNSHIP_STAFF, "220303"), VILLAGE)).isEqualTo(FORBIDDEN);
    }

    @Test
    void devicesOnlyReportHeartbeats() {
        assertThat(Policies.REPORT_HEARTBEAT.decide(caller(Role.DEVICE, "220303"), VILLAGE)).isEqualTo(ALLOW);
        assertThat(Policies.REPORT_HEARTBEAT.decide(caller(Role.DISTRICT_ADMIN, "22"), VILLAGE)).isEqualTo(FORBIDDEN);
        assertThat(Policies.REPORT_HEARTBEAT.decide(caller(Role.DEVICE, "220322"), VILLAGE)).isEqualTo(FORBIDDEN);
    }

    @Test
    void everyPersonReadsTheCataloguesButNotDevices() {
        assertThat(Policies.READ_CATALOGUE.decide(caller(Role.VIEWER, "220322"), "categories")).isEqualTo(ALLOW);
        assertThat(Policies.READ_CATALOGUE.decide(contractor(ACME), "categories")).isEqualTo(ALLOW);
        assertThat(Policies.READ_CATALOGUE.decide(caller(Role.DEVICE, "22"), "categories")).isEqualTo(FORBIDDEN);
    }

    @Test
    void aListShowsTheCallersRegionsAndRefusesAFilterBesideThem() {
        assertThat(RegionScope.readable(caller(Role.VIEWER, "220322", "220303"), "")).containsExactly("220303", "220322");
        assertThat(RegionScope.readable(caller(Role.VIEWER, "220303"), "22")).as("wider: what may be seen of it")
                .containsExactly("220303");
        assertThat(RegionScope.readable(caller(Role.VIEWER, "220303"), VILLAGE)).containsExactly("220303");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegionScope.readable(caller(Role.VIEWER, "220303"), "220322"))
                .isInstanceOf(io.quarkus.security.ForbiddenException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegionScope.readable(caller(Role.DEVICE, "22"), ""))
                .isInstanceOf(io.quarkus.security.ForbiddenException.class);
    }

    @Test
    void assignedWorkIsSeenByItsContractorAndRegionStaffAndHiddenFromOtherContractors() {
        Policies.Assigned work = new Policies.Assigned(VILLAGE, ACME);

        assertThat(Policies.SEE_ASSIGNED_WORK.decide(contractor(ACME), work)).as("even without regions").isEqualTo(ALLOW);
        assertThat(Policies.SEE_ASSIGNED_WORK.decide(contractor(OTHER, "22"), work)).isEqualTo(NOT_FOUND);
        assertThat(Policies.SEE_ASSIGNED_WORK.decide(caller(Role.TOWNSHIP_STAFF, "220303100"), work)).isEqualTo(ALLOW);
        assertThat(Policies.SEE_ASSIGNED_WORK.decide(caller(Role.VIEWER, "220322"), work)).isEqualTo(FORBIDDEN);
        assertThat(Policies.SEE_ASSIGNED_WORK.decide(caller(Role.DEVICE, "22"), work)).isEqualTo(FORBIDDEN);
        assertThat(Policies.SEE_ASSIGNED_WORK.decide(contractor(ACME), new Policies.Assigned(VILLAGE, null)))
                .as("unassigned work").isEqualTo(NOT_FOUND);
    }

    @Test
    void policiesHaveNames() {
        assertThat(Policies.SEE_ASSIGNED_WORK.name()).isEqualTo("see-assigned-work");
        assertThat(Policy.named("custom", (c, t) -> ALLOW)).hasToString("custom");
    }
}
