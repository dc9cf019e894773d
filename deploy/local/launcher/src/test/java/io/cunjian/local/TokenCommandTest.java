package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/local/stack token}: a well-formed request prints one token carrying what was asked
 * for; a mistake is a usage error (exit 2) that names the option, and prints no token.
 */
class TokenCommandTest {

    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../../..")).toAbsolutePath().normalize();

    @TempDir
    Path keys;

    record Outcome(int exit, String out, String err) {
    }

    Outcome token(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--keys", keys.toString()));
            int exit = new TokenCommand().run(new Stack(ROOT), all);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void printsOnlyATokenForTheRoleAndRegionsAsked() {
        Outcome o = token("--role", "township-staff", "--regions", "220303100", "--sub", "wang.fang");
        assertThat(o.exit()).isZero();
        String[] parts = o.out().strip().split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"wang.fang\"", "township-staff", "220303100");
    }

    @Test
    void mistakesAreUsageErrorsNamingTheOption() {
        assertThat(token("--role", "mayor", "--regions", "22")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(2);
            assertThat(o.err()).contains("--role");
            assertThat(o.out()).isEmpty();
        });
        assertThat(token("--role", "contractor", "--regions", "22").err()).contains("--contractor");
        assertThat(token("--role", "viewer", "--regions", "220").err()).contains("--regions");
        assertThat(token("--role", "viewer", "--regions", "22", "--ttl", "8 hours").err()).contains("--ttl");
        assertThat(token("--role", "viewer", "--regions", "22", "--colour", "red").exit()).isEqualTo(2);
    }

    @Test
    void lifetimesReadAsSecondsMinutesHoursOrDays() {
        assertThat(TokenCommand.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.parseTtl("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(TokenCommand.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
    }
}
