package io.cunjian.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract every service extends can fail: each rule, applied to a fixture with a planted violation,
 * reports it by name; applied to a fixture laid out as the contract wants, it passes.
 */
class ArchitectureContractCanFailTest {

    private static final String BAD = "io.cunjian.testing.architecture.fixture.bad";
    private static final String GOOD = "io.cunjian.testing.architecture.fixture.good";
    /** Stand-ins for the chassis' caller and policies (this module does not depend on the chassis). */
    private static final String SECURITY = "io.cunjian.testing.architecture.fixture.security";

    static List<Arguments> rules() {
        return List.of(
                rule("domain → Kafka, api and persistence", ArchitectureRules::domainKnowsNoTransportOrStorage, "ProducerRecord"),
                rule("api → persistence", ArchitectureRules::apiTalksToTheDomainNotToStorage, "OrderRow"),
                rule("api → the caller's checks", root -> ArchitectureRules.apiLeavesAuthorizationToTheUseCases(root, SECURITY),
                        "Caller.require"),
                rule("api → a policy", root -> ArchitectureRules.apiLeavesAuthorizationToTheUseCases(root, SECURITY),
                        "Policy.PLACE_ORDERS"),
                rule("only persistence knows persistence", ArchitectureRules::onlyPersistenceKnowsPersistence, "OrderRow"),
                rule("nothing depends on the api", ArchitectureRules::nothingDependsOnTheApi, "OrderView"),
                rule("events → api", ArchitectureRules::eventPayloadsAreData, "OrderPlaced"),
                rule("package cycles", ArchitectureRules::noPackageCycles, "Cycle detected"),
                rule("@ConfigProperty", ArchitectureRules::configurationThroughConfigMapping, "ConfigProperty"));
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule, String named) {
        return Arguments.of(name, rule, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleCatchesItsPlantedViolation(String name, Function<String, ArchRule> rule, String named) {
        JavaClasses bad = new ClassFileImporter().importPackages(BAD);
        assertThatThrownBy(() -> rule.apply(BAD).check(bad)).as(name)
                .isInstanceOf(AssertionError.class).hasMessageContaining(named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRulePassesAServiceLaidOutAsTheContractWants(String name, Function<String, ArchRule> rule, String named) {
        JavaClasses good = new ClassFileImporter().importPackages(GOOD);
        assertThatCode(() -> rule.apply(GOOD).check(good)).as(name).doesNotThrowAnyException();
    }

    @Test
    void aZoneNamedOutsideChinaTimeIsFound(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("Due.java"), "class Due { java.time.ZoneId z = java.time.ZoneId.of(\"Asia/Shanghai\"); }\n");
        Files.writeString(sources.resolve("Fine.java"), "/** Due dates are days in Asia/Shanghai. */ class Fine { }\n");
        assertThat(ServiceArchitectureContract.linesMatching(sources, ServiceArchitectureContract.zoneLiteral()))
                .singleElement().asString().startsWith("Due.java:1:");
    }

    @Test
    void aHandWrittenRegionCodePatternIsFound(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("A.java"), "class A { boolean v(String c) { return c.matches(\"[0-9]{12}\"); } }\n");
        Files.writeString(sources.resolve("B.java"), "class B { String t(String c) { return c.substring(0, 9); } }\n");
        Files.writeString(sources.resolve("C.java"), "class C { String p = \"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}\"; }\n");
        Files.writeString(sources.resolve("D.java"), "class D { String p = \"\\\\d{12}\"; }\n");
        Files.writeString(sources.resolve("Date.java"), "class Date { String p = \"[0-9]{4}-[0-9]{2}-[0-9]{2}\"; }\n");
        assertThat(ServiceArchitectureContract.linesMatching(sources, ServiceArchitectureContract.regionPatternLiteral()))
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("A.java", "B.java", "C.java", "D.java");
    }
}
