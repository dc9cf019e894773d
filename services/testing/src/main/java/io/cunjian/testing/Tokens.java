package io.cunjian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import io.cunjian.infrastructure.TokenMinter;

/**
 * Bearer tokens for tests, signed with a key pair made for this test run; {@link RealInfrastructure}
 * gives the app under test the matching public key ({@link #publicKeyLocation()}) and {@link #ISSUER}.
 * <pre>
 * given().auth().oauth2(Tokens.districtAdmin("220303")).get("/villages")...
 * </pre>
 */
public final class Tokens {

    public static final String ISSUER = "cunjian-test";
    /** A well-formed unified social credit code for tests that need one contractor. */
    public static final String CONTRACTOR_ID = "91220300MA14ABCD1X";

    private Tokens() {
    }

    public static String districtAdmin(String... regions) {
        return token("district-admin", null, regions);
    }

    public static String townshipStaff(String... regions) {
        return token("township-staff", null, regions);
    }

    public static String viewer(String... regions) {
        return token("viewer", null, regions);
    }

    public static String device(String... regions) {
        return token("device", null, regions);
    }

    public static String contractor(String contractorId, String... regions) {
        return token("contractor", contractorId, regions);
    }

    /** A token of this run's key with any claims (several roles, another lifetime...). */
    public static String of(TokenMinter.Claims claims) {
        return TokenMinter.sign(claims, keys().testRun().getPrivate());
    }

    /** Claims as the app under test expects them, valid for an hour. */
    public static TokenMinter.Claims claims(String role, String contractorId, String... regions) {
        return TokenMinter.Claims.of(ISSUER, "test-" + role, List.of(role), List.of(regions), contractorId, Duration.ofHours(1));
    }

    // ---- tokens the app must refuse (401) ----

    public static String expired(String role, String... regions) {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        TokenMinter.Claims c = claims(role, null, regions);
        return of(new TokenMinter.Claims(c.issuer(), c.subject(), c.roles(), c.regions(), null,
                hourAgo.minus(Duration.ofHours(1)), hourAgo));
    }

    public static String signedByAnotherKey(String role, String... regions) {
        return TokenMinter.sign(claims(role, null, regions), keys().another().getPrivate());
    }

    public static String algNone(String role, String... regions) {
        return TokenMinter.unsigned(token(role, null, regions));
    }

    public static String otherIssuer(String role, String... regions) {
        TokenMinter.Claims c = claims(role, null, regions);
        return of(new TokenMinter.Claims("someone-else", c.subject(), c.roles(), c.regions(), null, c.issuedAt(), c.expiresAt()));
    }

    /** The key-confusion attack: HS256 with the service's public key (known to all) as the shared secret. */
    public static String hs256WithThePublicKey(String role, String... regions) {
        try {
            TokenMinter.Claims c = claims(role, null, regions);
            return io.smallrye.jwt.build.Jwt.issuer(c.issuer()).subject(c.subject()).groups(java.util.Set.copyOf(c.roles()))
                    .claim("regions", c.regions()).expiresAt(c.expiresAt())
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                    .signWithSecret(Files.readString(keys().publicKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String withoutSubject(String role, String... regions) {
        TokenMinter.Claims c = claims(role, null, regions);
        return of(new TokenMinter.Claims(c.issuer(), null, c.roles(), c.regions(), null, c.issuedAt(), c.expiresAt()));
    }

    /** The public key file of this run's key pair, for {@code mp.jwt.verify.publickey.location}. */
    public static String publicKeyLocation() {
        return keys().publicKeyFile().toString();
    }

    /**
     * The private half of this run's key pair: for an app under test whose development sign-in
     * ({@code cunjian.dev-sign-in.key-location}) signs tokens the app itself must accept.
     */
    public static String privateKeyLocation() {
        return keys().publicKeyFile().resolveSibling(TokenMinter.PRIVATE_KEY_FILE).toString();
    }

    private static String token(String role, String contractorId, String... regions) {
        return of(claims(role, contractorId, regions));
    }

    private record Keys(KeyPair testRun, KeyPair another, Path publicKeyFile) {
    }

    /**
     * One key pair per JVM (test run). Kept under the JVM's system properties as files, because the
     * test resource and the test classes may be loaded by different class loaders.
     */
    private static Keys keys() {
        Keys k = keys;
        if (k == null) {
            keys = k = loadKeys();
        }
        return k;
    }

    private static volatile Keys keys;

    private static Keys loadKeys() {
        Properties system = System.getProperties();
        synchronized (system) {
            String dir = system.getProperty("cunjian.test.jwt.keys");
            try {
                if (dir == null) {
                    Path created = Files.createTempDirectory("cunjian-test-keys-");
                    created.toFile().deleteOnExit();
                    dir = created.toString();
                    system.setProperty("cunjian.test.jwt.keys", dir);
                }
                Path d = Path.of(dir);
                Keys k = new Keys(TokenMinter.ensureKeyPair(d), TokenMinter.ensureKeyPair(d.resolve("another")),
                        d.resolve(TokenMinter.PUBLIC_KEY_FILE));
                for (Path f : List.of(d.resolve(TokenMinter.PRIVATE_KEY_FILE), d.resolve(TokenMinter.PUBLIC_KEY_FILE),
                        d.resolve("another"), d.resolve("another").resolve(TokenMinter.PRIVATE_KEY_FILE),
                        d.resolve("another").resolve(TokenMinter.PUBLIC_KEY_FILE))) {
                    f.toFile().deleteOnExit();
                }
                return k;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
