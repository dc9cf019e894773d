package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No main Java file of the repository is longer than {@value #MAX_LINES} lines: a class that long does
 * more than one thing, and the next engineer reads it whole. Tests are not held to it here (a scenario
 * may be long); production code is, in every module.
 */
class FileLengthTest {

    static final int MAX_LINES = 400;

    /** {@code path: lines} of every main Java file over the limit, in path order. */
    static List<String> tooLong(Path root) {
        return OutsideReferences.files(root).stream()
                .filter(f -> f.endsWith(".java") && f.contains("src/main/java/"))
                .filter(f -> Files.isRegularFile(root.resolve(f)))
                .map(f -> f + ": " + lines(root.resolve(f)))
                .filter(found -> Integer.parseInt(found.substring(found.lastIndexOf(' ') + 1)) > MAX_LINES)
                .toList();
    }

    static int lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noMainJavaFileIsLongerThanTheLimit() {
        Path root = OutsideReferences.repositoryRoot(Path.of(""));
        assertThat(OutsideReferences.files(root)).as("main Java files under " + root)
                .anyMatch(f -> f.startsWith("services/chassis/src/main/java/"))
                .anyMatch(f -> f.startsWith("deploy/local/launcher/src/main/java/"));

        assertThat(tooLong(root)).as("main Java files over " + MAX_LINES + " lines (path: lines)").isEmpty();
    }

    @Test
    void aPlantedLongFileIsFoundAndTestsAndShortFilesAreNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
        Path main = Files.createDirectories(dir.resolve("services/x/src/main/java/io/x"));
        Path test = Files.createDirectories(dir.resolve("services/x/src/test/java/io/x"));
        Files.writeString(main.resolve("Long.java"), "class Long {\n" + "    // one more line\n".repeat(MAX_LINES - 1) + "}\n");
        Files.writeString(main.resolve("AtTheLimit.java"), "class AtTheLimit {\n" + "\n".repeat(MAX_LINES - 2) + "}\n");
        Files.writeString(test.resolve("LongTest.java"), "class LongTest {\n" + "\n".repeat(2 * MAX_LINES) + "}\n");
        Files.writeString(main.resolve("notes.txt"), "x\n".repeat(2 * MAX_LINES));

        Path root = OutsideReferences.repositoryRoot(main);

        assertThat(lines(main.resolve("AtTheLimit.java"))).isEqualTo(MAX_LINES);
        assertThat(tooLong(root)).containsExactly("services/x/src/main/java/io/x/Long.java: " + (MAX_LINES + 1));
    }
}
