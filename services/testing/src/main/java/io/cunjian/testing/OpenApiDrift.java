package io.cunjian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The committed document {@code api-specs/openapi/<service>.yaml} must be the service's own
 * (docs/design.md, "API conventions"): a difference fails the build with the command that regenerates it.
 */
public final class OpenApiDrift {

    public static final String UPDATE_PROPERTY = "cunjian.openapi.update";

    private OpenApiDrift() {
    }

    public static Path committedDocument(Path root, String service) {
        return root.resolve("api-specs/openapi/" + service + ".yaml");
    }

    public static String regenerateCommand(String service) {
        return "./mvnw -B verify -pl services/" + service + " -am -D" + UPDATE_PROPERTY + "=true";
    }

    /**
     * Compares the service's document with the committed one, or writes it when {@code update};
     * the answer is what is wrong, empty when they agree.
     */
    public static Optional<String> check(String service, String actual, Path committed, boolean update) {
        String served = normalize(actual);
        try {
            if (update) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served);
                return Optional.empty();
            }
            String how = "If the change is intended, regenerate it with\n    " + regenerateCommand(service)
                    + "\nand commit " + committed.getFileName() + " with the code.";
            if (!Files.exists(committed)) {
                return Optional.of(committed + " does not exist: the API of " + service + " is not committed. " + how);
            }
            String expected = normalize(Files.readString(committed));
            if (expected.equals(served)) {
                return Optional.empty();
            }
            return Optional.of("The OpenAPI document of " + service + " differs from " + committed + " "
                    + firstDifference(expected, served) + ".\n" + how);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalize(String yaml) {
        String unix = yaml.replace("\r\n", "\n");
        return unix.endsWith("\n") ? unix : unix + "\n";
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "from line " + (i + 1) + ": committed \"" + el + "\", service \"" + al + "\"";
            }
        }
        return "";
    }
}
