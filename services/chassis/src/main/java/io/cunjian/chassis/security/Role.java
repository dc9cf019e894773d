package io.cunjian.chassis.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the token contract, as they appear in the {@code groups} claim. */
public enum Role {
    DISTRICT_ADMIN(Names.DISTRICT_ADMIN),
    TOWNSHIP_STAFF(Names.TOWNSHIP_STAFF),
    CONTRACTOR(Names.CONTRACTOR),
    VIEWER(Names.VIEWER),
    /** Posts camera heartbeats, nothing else. */
    DEVICE(Names.DEVICE);

    /** The claim values as constants, for {@code @RolesAllowed(Role.Names.DISTRICT_ADMIN)}. */
    public static final class Names {
        public static final String DISTRICT_ADMIN = "district-admin";
        public static final String TOWNSHIP_STAFF = "township-staff";
        public static final String CONTRACTOR = "contractor";
        public static final String VIEWER = "viewer";
        public static final String DEVICE = "device";

        private Names() {
        }
    }

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** Unknown groups (another application's roles in a shared identity provider) are not ours: empty. */
    public static Optional<Role> ofClaim(String group) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(group)).findFirst();
    }
}
