package io.cunjian.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * Renders an overlay with the machine's {@code kubectl kustomize} and validates a rendering with
 * {@code validate/validate.mjs} (Node.js). Nothing is skipped: a missing kubectl, node or npm is a
 * failure that says what to install ({@code .ci/run} installs them).
 */
final class Overlays {

    /** The repository root: Maven passes it; from the module folder it is two levels up. */
    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path VALIDATOR = K8S.resolve("validate");
    static final Path CRDS = K8S.resolve("crds");

    /** A finished command: its exit code, standard output and standard error. */
    record Run(int exit, String output, String errors) {
    }

    private Overlays() {
    }

    /** The rendered overlay, also written to {@code target/rendered/<name>.yaml} for a look. */
    static Path render(String overlay) {
        Run r = run(K8S, "kubectl", "kustomize", "overlays/" + overlay);
        if (r.exit() != 0) {
            throw new AssertionError("kubectl kustomize overlays/" + overlay + " failed:\n" + r.errors());
        }
        try {
            Path out = K8S.resolve("target/rendered/" + overlay + ".yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, r.output());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Path rendered) {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(rendered)) {
            for (Object o : new Yaml().loadAll(in)) {
                if (o != null) {
                    objects.add((Map<String, Object>) o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** Runs the validator on a rendering; installs its npm packages first when they are missing. */
    static Run validate(Path rendered) {
        installValidator();
        return run(VALIDATOR, "node", "validate.mjs", rendered.toString(), CRDS.toString());
    }

    private static synchronized void installValidator() {
        Path installed = VALIDATOR.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                    .compareTo(Files.getLastModifiedTime(VALIDATOR.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run r = run(VALIDATOR, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (r.exit() != 0) {
            throw new AssertionError("npm ci in " + VALIDATOR + " failed:\n" + r.output() + r.errors());
        }
    }

    static Run run(Path dir, String... command) {
        try {
            Path errors = Files.createTempFile("cunjian-k8s", ".err");
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            String err = Files.readString(errors);
            Files.delete(errors);
            return new Run(p.exitValue(), output, err);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed to check the Kubernetes overlays and could not be run ("
                    + e.getMessage() + "). Install it: apt-get install -y kubernetes-client nodejs npm (.ci/run does).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
