package io.cunjian.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The start-up check runs: the app started, as a service would be, trusting the committed development key without
 * development mode exits with status 1 and a log line saying why, before it serves anything.
 */
@QuarkusMainTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(DevelopmentKeyRefusedTest.CommittedKeyOutsideDevelopment.class)
class DevelopmentKeyRefusedTest {

    /** The committed key given inline (as {@code MP_JWT_VERIFY_PUBLICKEY} would), bare base64, not by its file. */
    public static class CommittedKeyOutsideDevelopment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                String key = Files.readString(Path.of("../../deploy/docker/dev-keys/jwt-public.pem"))
                        .replaceAll("-----[A-Z ]+-----|\\s", "");
                // were the start not refused, the app would exit with 0 rather than run on (ExitWhenStarted)
                return Map.of("mp.jwt.verify.publickey", key, "cunjian.auth.development-mode", "false",
                        "cunjian.testapp.exit-when-started", "true");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void aServiceTrustingTheDevelopmentKeyOutsideDevelopmentModeDoesNotStart(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("Refusing to start: the token verification key (mp.jwt.verify.publickey) is the committed development key")
                .contains("CUNJIAN_AUTH_DEVELOPMENT_MODE=true");
    }
}
