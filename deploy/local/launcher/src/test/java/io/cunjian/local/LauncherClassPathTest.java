package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.RegionCode;

/**
 * The launcher takes the China calendar and the region codes from the chassis, and nothing else: it runs on
 * a plain JVM, so not one Quarkus class may reach its class path (the chassis comes with every dependency
 * excluded). The test's class path holds the launcher's run-time one, plus the test libraries.
 */
class LauncherClassPathTest {

    @Test
    void theChassisComesAloneWithoutQuarkus() {
        // Surefire runs the tests from a manifest-only jar and names the real class path here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        assertThat(entries).as("the chassis is on the class path").anyMatch(e -> e.contains("chassis"));

        assertThat(entries.stream().filter(e -> holdsQuarkus(Path.of(e))).toList())
                .as("class-path entries holding io.quarkus classes").isEmpty();
        assertThat(loads("io.quarkus.runtime.Quarkus")).isFalse();
        assertThat(loads("io.quarkus.arc.Arc")).isFalse();
    }

    @Test
    void theCalendarAndTheCodesWorkWithoutTheirFramework() {
        // 17:00 UTC on 31 December is already 1 January in China
        Clock evening = Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC);
        assertThat(ChinaTime.today(evening)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(RegionCode.isValid("220303100")).isTrue();
        assertThat(RegionCode.isValid("220")).isFalse();
    }

    /** The check can fail: a class-path folder holding a Quarkus class is seen. */
    @Test
    void aQuarkusJarOnTheClassPathWouldBeSeen() throws IOException {
        Path folder = Files.createTempDirectory("classes");
        try {
            Files.createDirectories(folder.resolve("io/quarkus/runtime"));
            Files.writeString(folder.resolve("io/quarkus/runtime/Quarkus.class"), "not really a class");
            assertThat(holdsQuarkus(folder)).isTrue();
            assertThat(holdsQuarkus(folder.resolve("io/quarkus"))).as("a folder without io/quarkus below it").isFalse();
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static boolean holdsQuarkus(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isDirectory(entry.resolve("io").resolve("quarkus"));
        }
        if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            List<String> quarkus = new ArrayList<>();
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/quarkus/")).limit(1).forEach(quarkus::add);
            return !quarkus.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean loads(String className) {
        try {
            Class.forName(className, false, LauncherClassPathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
