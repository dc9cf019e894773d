package io.cunjian.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one architecture contract of every Cunjian service: each service's tests hold a class that extends
 * this and names the service's root package. The rules are {@link ArchitectureRules}; on top, two rules
 * of "one home" that ArchUnit cannot see because the compiler inlines constants: the China time zone is
 * named only by {@code io.cunjian.chassis.domain.ChinaTime}, and region-code patterns only by
 * {@code io.cunjian.chassis.domain.RegionCode}. There is no list of tolerated violations: a service passes
 * all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureContract {

    private static final Pattern ZONE_LITERAL = Pattern.compile("\"Asia/Shanghai\"");
    /** A 9- or 12-digit code pattern, the levels' alternation, or "its township" cut by hand. */
    private static final Pattern REGION_PATTERN_LITERAL = Pattern.compile(
            "(\\[0-9\\]|\\\\\\\\d)\\{(9|12)\\}|\\[0-9\\]\\{2\\}\\|\\[0-9\\]\\{4\\}|substring\\(0,\\s*9\\)");

    private JavaClasses classes;

    /** The service's root package, e.g. {@code io.cunjian.workorders}. */
    protected abstract String rootPackage();

    @BeforeAll
    void importTheService() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage());
        assertThat(classes).as("classes under " + rootPackage()).isNotEmpty();
    }

    @Test
    void theDomainKnowsNoTransportOrStorage() {
        ArchitectureRules.domainKnowsNoTransportOrStorage(rootPackage()).check(classes);
    }

    @Test
    void theApiTalksToTheDomainNotToStorage() {
        ArchitectureRules.apiTalksToTheDomainNotToStorage(rootPackage()).check(classes);
    }

    @Test
    void theApiLeavesAuthorizationToTheUseCases() {
        ArchitectureRules.apiLeavesAuthorizationToTheUseCases(rootPackage()).check(classes);
    }

    @Test
    void onlyPersistenceKnowsPersistence() {
        ArchitectureRules.onlyPersistenceKnowsPersistence(rootPackage()).check(classes);
    }

    @Test
    void nothingDependsOnTheApi() {
        ArchitectureRules.nothingDependsOnTheApi(rootPackage()).check(classes);
    }

    @Test
    void eventPayloadsAreData() {
        ArchitectureRules.eventPayloadsAreData(rootPackage()).check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles(rootPackage()).check(classes);
    }

    @Test
    void configurationIsReadThroughConfigMappings() {
        ArchitectureRules.configurationThroughConfigMapping(rootPackage()).check(classes);
    }

    @Test
    void theTimeZoneIsNamedInOnePlace() {
        assertThat(linesMatching(mainSources(), ZONE_LITERAL))
                .as("\"Asia/Shanghai\" outside ChinaTime: use io.cunjian.chassis.domain.ChinaTime.ZONE").isEmpty();
    }

    @Test
    void regionCodePatternsAreNamedInOnePlace() {
        assertThat(linesMatching(mainSources(), REGION_PATTERN_LITERAL))
                .as("a hand-written region-code pattern: use io.cunjian.chassis.domain.RegionCode").isEmpty();
    }

    /** The module's main sources: Maven runs tests in the module's folder. */
    static Path mainSources() {
        return Path.of("src", "main", "java");
    }

    /** {@code file:line: text} for every line of a Java file under {@code root} that matches. */
    static List<String> linesMatching(Path root, Pattern pattern) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The zone written out, as the source checks look for it (modules without a service contract use it too). */
    public static Pattern zoneLiteral() {
        return ZONE_LITERAL;
    }

    /** A region-code pattern written by hand, as the source checks look for it. */
    public static Pattern regionPatternLiteral() {
        return REGION_PATTERN_LITERAL;
    }
}
