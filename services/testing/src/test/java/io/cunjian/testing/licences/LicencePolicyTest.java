package io.cunjian.testing.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The committed policy refuses what the project cannot ship: a GPL-3.0-only library, an unlabelled one. */
class LicencePolicyTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(LicencePolicyTest.class.getResource("/licences/bom-with-gpl.json").toURI());
    }

    @Test
    void theCommittedPolicyRefusesACopyleftLibraryAndOneWithoutALicence() throws URISyntaxException {
        LicencePolicy policy = LicencePolicy.of(Path.of(System.getProperty("cunjian.root", "../..")));

        assertThat(policy.refused(fixture())).containsExactly(
                "org.example:copyleft:2.0 — GPL-3.0-only",
                "org.example:both:1.0 — MIT AND AGPL-3.0-only",
                "org.example:unlabelled:3.0 — no licence named",
                "org.example:explained:1.0 — no licence named");
    }

    @Test
    void anExceptionLetsANamedComponentWithoutALicenceShip() throws URISyntaxException {
        LicencePolicy policy = LicencePolicy.parse(List.of("allow Apache-2.0", "allow MIT", "allow EPL-2.0",
                "except org.example:explained built here; its licence is the project's"));

        assertThat(policy.refused(fixture())).containsExactly(
                "org.example:copyleft:2.0 — GPL-3.0-only",
                "org.example:both:1.0 — MIT AND AGPL-3.0-only",
                "org.example:unlabelled:3.0 — no licence named");
    }

    @Test
    void anExceptionWithoutItsReasonIsNotRead() {
        assertThatThrownBy(() -> LicencePolicy.parse(List.of("except org.example:explained")))
                .hasMessageContaining("except org.example:explained");
    }
}
