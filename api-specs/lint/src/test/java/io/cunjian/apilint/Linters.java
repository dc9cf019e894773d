package io.cunjian.apilint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Spectral (OWASP ruleset, {@code .spectral.yaml}) and Redocly ({@code redocly.yaml}) from
 * {@code api-specs/lint/node_modules}, installing them with {@code npm ci} when the committed
 * lock file is newer than the installation. Nothing is skipped: a missing node or npm is a failure
 * that says what to install ({@code .ci/run} installs them).
 */
final class Linters {

    /** The repository root: Maven passes it; from the module folder it is two levels up. */
    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../..")).toAbsolutePath().normalize();
    static final Path LINT = ROOT.resolve("api-specs/lint");
    static final Path DOCUMENTS = ROOT.resolve("api-specs/openapi");

    /** A finished command: its exit code and everything it printed. */
    record Run(int exit, String output) {
    }

    private Linters() {
    }

    /** Every committed OpenAPI document. */
    static List<Path> documents() {
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spectral with the project's ruleset; only errors are shown, and any error exits non-zero. */
    static Run spectral(Path document) {
        install();
        return run("node", "node_modules/@stoplight/spectral-cli/dist/index.js", "lint", "--ruleset", ".spectral.yaml",
                "--fail-severity=error", "--display-only-failures", "--format=stylish", document.toString());
    }

    /** Redocly with the project's configuration; any error exits non-zero. */
    static Run redocly(Path document) {
        install();
        return run("node", "node_modules/@redocly/cli/bin/cli.js", "lint", "--config", "redocly.yaml",
                "--format=stylish", document.toString());
    }

    private static synchronized void install() {
        Path installed = LINT.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(LINT.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run r = run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (r.exit() != 0) {
            throw new AssertionError("npm ci in " + LINT + " failed:\n" + r.output());
        }
    }

    private static Run run(String... command) {
        try {
            Path output = Files.createTempFile("cunjian-api-lint", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // The build talks to no one: no usage reports, no "new version" look-ups.
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_UPDATE_NOTIFIER", "1");
            Process p = builder.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Run(p.exitValue(), printed);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed to lint the OpenAPI documents and could not be run ("
                    + e.getMessage() + "). Install it: apt-get install -y nodejs npm (.ci/run does).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
