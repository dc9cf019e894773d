package io.cunjian.e2e;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cunjian.infrastructure.TokenMinter;

/** Bearer tokens per role and region, signed with the e2e stack's key (so its services accept them). */
public final class Callers {

    private final PrivateKey key;

    Callers(PrivateKey key) {
        this.key = key;
    }

    public String districtAdmin(String... regions) {
        return token("e2e-admin", "district-admin", null, regions);
    }

    public String staff(String... regions) {
        return token("e2e-staff", "township-staff", null, regions);
    }

    public String viewer(String... regions) {
        return token("e2e-viewer", "viewer", null, regions);
    }

    public String contractor(String contractorId) {
        return token("e2e-" + contractorId, "contractor", contractorId, "22");
    }

    public String device(String... regions) {
        return token("e2e-device", "device", null, regions);
    }

    /** Valid in every way but {@code exp}, an hour ago. */
    public String expired(String role, String... regions) {
        Instant then = Instant.now().minus(Duration.ofHours(2));
        return TokenMinter.sign(new TokenMinter.Claims(TokenMinter.LOCAL_ISSUER, "e2e-expired", List.of(role), List.of(regions),
                null, then, then.plus(Duration.ofHours(1))), key);
    }

    /** The same claims signed with a key the services do not trust. */
    public String forged(String role, String... regions) {
        return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "e2e-forger", List.of(role), List.of(regions),
                null, Duration.ofMinutes(30)), TokenMinter.generateKeyPair().getPrivate());
    }

    /** {@code alg: none}, no signature. */
    public String unsigned(String role, String... regions) {
        return TokenMinter.unsigned(token("e2e-unsigned", role, null, regions));
    }

    private String token(String sub, String role, String contractorId, String... regions) {
        return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, sub, List.of(role), List.of(regions), contractorId,
                Duration.ofHours(2)), key);
    }
}
