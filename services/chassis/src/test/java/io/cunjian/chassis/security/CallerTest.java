package io.cunjian.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.ForbiddenException;

import io.cunjian.chassis.domain.NotFound;

class CallerTest {

    static final String ACME = "91220300MA14ABCD1X";
    static final String OTHER = "91220300MA14WXYZ9K";

    static Caller caller(Role role, String... regions) {
        return new Caller("someone", Set.of(role), Set.of(regions), Optional.empty());
    }

    static Caller contractor(String id, String... regions) {
        return new Caller("acme", Set.of(Role.CONTRACTOR), Set.of(regions), Optional.of(id));
    }

    @Test
    void requireRoleAndRegionPassOrForbid() {
        Caller staff = caller(Role.TOWNSHIP_STAFF, "220303001");

        assertThat(staff.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF).requireRegion("220303001002")).isSameAs(staff);
        assertThatThrownBy(() -> staff.requireRole(Role.DISTRICT_ADMIN)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> staff.requireRegion("220303002001")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> staff.requireRegion("220303")).as("the district is above the township")
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onlyTheContractorItselfOwns() {
        assertThat(contractor(ACME).contractorOwns(ACME)).isTrue();
        assertThat(contractor(ACME).contractorOwns(OTHER)).isFalse();
        assertThat(contractor(ACME).contractorOwns(null)).isFalse();
        Caller adminWithAnId = new Caller("x", Set.of(Role.DISTRICT_ADMIN), Set.of("22"), Optional.of(ACME));
        assertThat(adminWithAnId.contractorOwns(ACME)).as("contractor_id counts for contractors only").isFalse();
        assertThat(new Caller("x", Set.of(Role.CONTRACTOR), Set.of(), Optional.of(" ")).contractorId()).isEmpty();
    }

    @Test
    void requireAppliesAPolicyAs403Or404() {
        Policies.Assigned acmeWork = new Policies.Assigned("220303100001", ACME);

        assertThat(contractor(ACME).require(Policies.SEE_ASSIGNED_WORK, acmeWork)).isNotNull();
        assertThatThrownBy(() -> contractor(OTHER).require(Policies.SEE_ASSIGNED_WORK, acmeWork))
                .isInstanceOfSatisfying(NotFound.class, hidden -> assertThat(hidden.namesTheRequest()).isTrue());
        assertThatThrownBy(() -> caller(Role.VIEWER, "220322").require(Policies.SEE_ASSIGNED_WORK, acmeWork))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("see-assigned-work");
    }
}
