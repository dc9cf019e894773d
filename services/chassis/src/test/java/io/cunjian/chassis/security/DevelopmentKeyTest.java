package io.cunjian.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.Tokens;

/** The committed development key is known by its fingerprint in every form a key location may hold it. */
class DevelopmentKeyTest {

    static final Path COMMITTED = Path.of("../../deploy/docker/dev-keys/jwt-public.pem");

    static String committed() throws Exception {
        return Files.readString(COMMITTED);
    }

    static PublicKey committedKey() throws Exception {
        String body = committed().replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    @Test
    void theFingerprintIsTheCommittedKeys() throws Exception {
        assertThat(DevelopmentKey.fingerprints(committed())).containsExactly(DevelopmentKey.FINGERPRINT);
    }

    @Test
    void theKeyIsKnownAsPemJwkJwkSetOrBareBase64WhateverTheFileIsCalled() throws Exception {
        String jwk = PublicJsonWebKey.Factory.newPublicJwk(committedKey()).toJson();
        String base64 = committed().replaceAll("-----[A-Z ]+-----|\\s", "");
        assertThat(DevelopmentKey.isIn(committed())).isTrue();
        assertThat(DevelopmentKey.isIn(jwk)).isTrue();
        assertThat(DevelopmentKey.isIn("{\"keys\":[" + PublicJsonWebKey.Factory.newPublicJwk(
                KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                        Files.readString(Path.of(Tokens.publicKeyLocation())).replaceAll("-----[A-Z ]+-----|\\s", ""))))).toJson()
                + "," + jwk + "]}")).as("one key of a set").isTrue();
        assertThat(DevelopmentKey.isIn(base64)).isTrue();
        assertThat(DevelopmentKey.isIn(committed().replace("\n", "\r\n"))).isTrue();
        // a copy under another name is the same key
        Path copy = Files.createTempFile("any-name", ".key");
        Files.writeString(copy, committed());
        assertThat(DevelopmentKeyGuard.read(copy.toString())).hasValueSatisfying(text -> assertThat(DevelopmentKey.isIn(text)).isTrue());
        assertThat(DevelopmentKeyGuard.read(copy.toUri().toString())).isPresent();
        Files.delete(copy);
    }

    @Test
    void anotherKeyOrNoKeyIsNotIt() throws Exception {
        assertThat(DevelopmentKey.isIn(Files.readString(Path.of(Tokens.publicKeyLocation())))).isFalse();
        assertThat(DevelopmentKey.isIn("")).isFalse();
        assertThat(DevelopmentKey.isIn("{not json")).isFalse();
        assertThat(DevelopmentKey.isIn("-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----")).isFalse();
        assertThat(DevelopmentKeyGuard.read("https://sso.example.invalid/certs")).as("never fetched at start-up").isEmpty();
        assertThat(DevelopmentKeyGuard.read("/nowhere/jwt-public.pem")).isEmpty();
    }

    @Test
    void outsideDevelopmentModeTheDevelopmentKeyAndSignInRefuseTheStart() throws Exception {
        Map<String, String> dev = Map.of("/keys/jwt-public.pem", committed());
        Map<String, String> other = Map.of("/keys/jwt-public.pem", Files.readString(Path.of(Tokens.publicKeyLocation())));

        assertThat(DevelopmentKey.refusal(dev, false, false)).hasValueSatisfying(why -> assertThat(why)
                .contains("/keys/jwt-public.pem", "committed development key", DevelopmentKey.FINGERPRINT,
                        "CUNJIAN_AUTH_DEVELOPMENT_MODE=true"));
        assertThat(DevelopmentKey.refusal(dev, false, true)).isEmpty();
        assertThat(DevelopmentKey.refusal(other, false, false)).isEmpty();
        assertThat(DevelopmentKey.refusal(Map.of(), false, false)).isEmpty();
        assertThat(DevelopmentKey.refusal(other, true, false)).hasValueSatisfying(why -> assertThat(why)
                .contains("development sign-in"));
        assertThat(DevelopmentKey.refusal(other, true, true)).isEmpty();
    }
}
