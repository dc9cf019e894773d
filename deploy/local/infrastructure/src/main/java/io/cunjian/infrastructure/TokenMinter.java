package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens of the token contract (docs/design.md, "The token contract"), signed RS256 — for the local stack's
 * {@code token} command and, through {@code io.cunjian.testing.Tokens}, for the tests. Production
 * tokens come from an OIDC provider; this only ever signs with development or test keys.
 */
public final class TokenMinter {

    /** The local stack's issuer; the services' default {@code JWT_ISSUER}. */
    public static final String LOCAL_ISSUER = "cunjian-local";
    /** The roles of the contract (the chassis's {@code Role}; a chassis test keeps the two equal). */
    public static final List<String> ROLES = List.of("district-admin", "township-staff", "contractor", "viewer", "device");
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";

    private TokenMinter() {
    }

    /** What a token says; {@code contractorId} is null for everyone but contractors. */
    public record Claims(String issuer, String subject, List<String> roles, List<String> regions, String contractorId,
            Instant issuedAt, Instant expiresAt) {

        public static Claims of(String issuer, String subject, List<String> roles, List<String> regions,
                String contractorId, Duration ttl) {
            Instant now = Instant.now();
            return new Claims(issuer, subject, roles, regions, contractorId, now, now.plus(ttl));
        }
    }

    public static String sign(Claims c, PrivateKey key) {
        JwtClaimsBuilder b = Jwt.issuer(c.issuer())
                .groups(Set.copyOf(c.roles()))
                .claim("regions", List.copyOf(c.regions()))
                .issuedAt(c.issuedAt()).expiresAt(c.expiresAt());
        if (c.subject() != null) {
            b.subject(c.subject()).upn(c.subject());
        }
        if (c.contractorId() != null) {
            b.claim("contractor_id", c.contractorId());
        }
        return b.jws().keyId("cunjian").sign(key);
    }

    /** The same claims under {@code alg: none} and without a signature: what a forger sends. */
    public static String unsigned(String signedToken) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + signedToken.split("\\.")[1] + ".";
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair in {@code dir} ({@value #PRIVATE_KEY_FILE}, {@value #PUBLIC_KEY_FILE}), created the first time. */
    public static KeyPair ensureKeyPair(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair pair = generateKeyPair();
                Files.createDirectories(dir);
                writePublicKey(pair.getPublic(), publicFile);
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                return pair;
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(der(publicFile))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key in " + dir, e);
        }
    }

    public static void writePublicKey(PublicKey key, Path file) throws IOException {
        Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path pemFile) throws IOException {
        String body = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
