package io.cunjian.chassis.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The committed development signing key (deploy/docker/dev-keys; its private half is public) is trusted only by a
 * service started in development mode ({@code cunjian.auth.development-mode=true}): anyone with the repository can
 * sign any token for it. Recognised by its public key's fingerprint, whatever the file is called or holds it (a PEM
 * public key or certificate, a JWK, a JWK set, bare base64), not by its name. Pure, so it is tested without Quarkus;
 * {@link DevelopmentKeyGuard} applies it when a service starts.
 */
public final class DevelopmentKey {

    /**
     * SHA-256 of the committed key's SubjectPublicKeyInfo (DER):
     * {@code openssl pkey -pubin -in deploy/docker/dev-keys/jwt-public.pem -outform der | sha256sum}.
     */
    public static final String FINGERPRINT = "b3ee7afcc8647a93be58280a91deace76e6d09e6fe6733fbc5aa6aa87275d005";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private DevelopmentKey() {
    }

    /** The hex SHA-256 of a public key's DER encoding (SubjectPublicKeyInfo), as openssl prints it. */
    public static String fingerprint(byte[] subjectPublicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprints of the public keys a verification key's text holds; none when it holds none we can read. */
    public static List<String> fingerprints(String text) {
        List<String> found = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                List<JsonWebKey> keys = trimmed.contains("\"keys\"") ? new JsonWebKeySet(trimmed).getJsonWebKeys()
                        : List.of(JsonWebKey.Factory.newJwk(trimmed));
                for (JsonWebKey key : keys) {
                    if (key instanceof PublicJsonWebKey pub && pub.getPublicKey() != null) {
                        found.add(fingerprint(pub.getPublicKey().getEncoded()));
                    }
                }
            } catch (JoseException e) {
                // not a key SmallRye JWT could use either
            }
            return found;
        }
        Matcher pem = PEM.matcher(trimmed);
        while (pem.find()) {
            byte[] der = base64(pem.group(2));
            if (der == null) {
                continue;
            }
            if (pem.group(1).equals("CERTIFICATE")) {
                try {
                    found.add(fingerprint(CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der)).getPublicKey().getEncoded()));
                } catch (CertificateException e) {
                    // not a certificate after all
                }
            } else {
                found.add(fingerprint(der));
            }
        }
        if (found.isEmpty() && !trimmed.contains("-----")) {
            byte[] der = base64(trimmed);
            if (der != null) {
                found.add(fingerprint(der));
            }
        }
        return found;
    }

    /** Whether a verification key's text holds the committed development key. */
    public static boolean isIn(String text) {
        return fingerprints(text).contains(FINGERPRINT);
    }

    /**
     * Why a service must not start, or empty when it may.
     *
     * @param keys each verification key the service trusts, by where it was read from (a location or a setting)
     * @param devSignIn whether the development sign-in (which hands anyone a token) is turned on
     */
    public static Optional<String> refusal(java.util.Map<String, String> keys, boolean devSignIn, boolean developmentMode) {
        if (developmentMode) {
            return Optional.empty();
        }
        for (var key : keys.entrySet()) {
            if (isIn(key.getValue())) {
                return Optional.of("Refusing to start: the token verification key (" + key.getKey() + ") is the committed"
                        + " development key (SHA-256 " + FINGERPRINT + "), whose private half anyone with the repository has."
                        + " Point JWT_PUBLIC_KEY_LOCATION at your identity provider's keys, or, on a developer's machine only,"
                        + " start with CUNJIAN_AUTH_DEVELOPMENT_MODE=true (cunjian.auth.development-mode).");
            }
        }
        if (devSignIn) {
            return Optional.of("Refusing to start: the development sign-in (cunjian.dev-sign-in.enabled) hands out tokens"
                    + " to anyone and needs development mode: start with CUNJIAN_AUTH_DEVELOPMENT_MODE=true"
                    + " (cunjian.auth.development-mode) on a developer's machine, or turn the sign-in off.");
        }
        return Optional.empty();
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
