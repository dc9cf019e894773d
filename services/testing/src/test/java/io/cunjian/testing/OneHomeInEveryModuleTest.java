package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cunjian.testing.architecture.ServiceArchitectureContract;

/**
 * The China time zone and the region-code patterns are written in one place each, in every module's main
 * sources: the services (whose contract checks their own), and the modules no service contract covers — the
 * chassis around the two homes, the test harness, the local infrastructure and the launcher.
 */
class OneHomeInEveryModuleTest {

    static final String DOMAIN = "services/chassis/src/main/java/io/cunjian/chassis/domain/";
    static final String ZONE_HOME = DOMAIN + "ChinaTime.java";
    static final String CODE_HOME = DOMAIN + "RegionCode.java";

    /** {@code path:line: text} of every main Java line outside {@code home} that matches. */
    static List<String> outsideTheirHome(Path root, Pattern pattern, String home) {
        List<String> found = new ArrayList<>();
        for (String file : OutsideReferences.files(root)) {
            Path path = root.resolve(file);
            if (!file.endsWith(".java") || !file.contains("src/main/java/") || file.equals(home) || !Files.isRegularFile(path)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    @Test
    void theZoneAndTheCodePatternsAreWrittenOnlyInTheirHomes() {
        Path root = OutsideReferences.repositoryRoot(Path.of(""));
        assertThat(root.resolve(ZONE_HOME)).isRegularFile();
        assertThat(root.resolve(CODE_HOME)).isRegularFile();

        assertThat(outsideTheirHome(root, ServiceArchitectureContract.zoneLiteral(), ZONE_HOME))
                .as("\"Asia/Shanghai\" outside ChinaTime: use io.cunjian.chassis.domain.ChinaTime").isEmpty();
        assertThat(outsideTheirHome(root, ServiceArchitectureContract.regionPatternLiteral(), CODE_HOME))
                .as("a hand-written region-code pattern: use io.cunjian.chassis.domain.RegionCode").isEmpty();
    }

    @Test
    void aPlantedCopyInTheLauncherIsFoundAndTheHomesAreNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
        Path home = Files.createDirectories(dir.resolve(DOMAIN));
        Files.writeString(home.resolve("ChinaTime.java"), "class ChinaTime { Object z = java.time.ZoneId.of(\"Asia/Shanghai\"); }\n");
        Files.writeString(home.resolve("RegionCode.java"), "class RegionCode { String v = \"[0-9]{12}\"; }\n");
        Path launcher = Files.createDirectories(dir.resolve("deploy/local/launcher/src/main/java/io/cunjian/local"));
        Files.writeString(launcher.resolve("Smoke.java"), String.join("\n",
                "class Smoke {",
                "    Object today = java.time.LocalDate.now(java.time.ZoneId.of(\"Asia/Shanghai\"));",
                "    boolean region(String r) { return r.matches(\"\\\\d{2}|\\\\d{4}|\\\\d{6}|\\\\d{9}|\\\\d{12}\"); }",
                "}", ""));
        Path tests = Files.createDirectories(dir.resolve("deploy/local/launcher/src/test/java/io/cunjian/local"));
        Files.writeString(tests.resolve("SmokeTest.java"), "class SmokeTest { Object z = java.time.ZoneId.of(\"Asia/Shanghai\"); }\n");

        Path root = OutsideReferences.repositoryRoot(launcher);
        String smoke = "deploy/local/launcher/src/main/java/io/cunjian/local/Smoke.java";

        assertThat(outsideTheirHome(root, ServiceArchitectureContract.zoneLiteral(), ZONE_HOME))
                .containsExactly(smoke + ":2: Object today = java.time.LocalDate.now(java.time.ZoneId.of(\"Asia/Shanghai\"));");
        assertThat(outsideTheirHome(root, ServiceArchitectureContract.regionPatternLiteral(), CODE_HOME))
                .singleElement().asString().startsWith(smoke + ":3: ");
    }
}
