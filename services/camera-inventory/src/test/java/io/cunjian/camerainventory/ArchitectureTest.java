package io.cunjian.camerainventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain package holds the rules and use cases; HTTP, Kafka and Panache stay in api and persistence. */
@AnalyzeClasses(packages = "io.cunjian.camerainventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoHttpKafkaOrPanache = noClasses().that().resideInAPackage("..camerainventory.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                    "org.apache.kafka..", "io.smallrye.reactive.messaging..", "io.quarkus.hibernate.orm.panache..",
                    "io.quarkus.panache..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheApi = noClasses().that().resideInAPackage("..camerainventory.domain..")
            .should().dependOnClassesThat().resideInAPackage("..camerainventory.api..");

    @ArchTest
    static final ArchRule eventsAreOnlyData = noClasses().that().resideInAPackage("..camerainventory.events..")
            .should().dependOnClassesThat().resideInAnyPackage("..camerainventory.api..", "..camerainventory.persistence..",
                    "jakarta.ws.rs..", "io.quarkus..");
}
