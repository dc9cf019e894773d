package io.cunjian.chassis.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.cunjian.testing.architecture.ArchitectureRules;

/**
 * The chassis reads its configuration as the services do: through {@code @ConfigMapping} interfaces, never
 * {@code @ConfigProperty} (the services' contract holds them to the same rule; its can-fail test plants a
 * {@code @ConfigProperty} and sees the rule report it).
 */
class ChassisConfigurationTest {

    @Test
    void configurationIsReadThroughConfigMappings() {
        ArchitectureRules.configurationThroughConfigMapping("io.cunjian.chassis").check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cunjian.chassis"));
    }
}
