package io.cunjian.community;

import io.cunjian.testing.licences.ServiceLicenceContract;

/** What community ships (its SBOM, target/bom.json) is allowed by deploy/licences/allowed.txt, with no exceptions of its own. */
class LicenceTest extends ServiceLicenceContract {
}
