package io.cunjian.testing.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Every service ships only what the licence policy allows: its test extends this contract, which reads the SBOM
 * the build wrote for it ({@code target/bom.json}, the CycloneDX plugin in the parent pom, before the tests) and
 * the policy {@code deploy/licences/allowed.txt}.
 */
public abstract class ServiceLicenceContract {

    /** Where the build writes the module's SBOM, from the module's folder (the tests' working directory). */
    public static final Path BOM = Path.of("target", "bom.json");

    @Test
    void everyShippedComponentHasALicenceTheProjectMayShip() {
        assertThat(BOM).as("the SBOM the build writes before the tests (cyclonedx-maven-plugin, makeBom)").isRegularFile();
        Path root = Path.of(System.getProperty("cunjian.root", "../.."));
        assertThat(LicencePolicy.of(root).refused(BOM))
                .as("components whose licence is not in " + LicencePolicy.FILE + " (allow it, or name an exception with its reason)")
                .isEmpty();
    }
}
