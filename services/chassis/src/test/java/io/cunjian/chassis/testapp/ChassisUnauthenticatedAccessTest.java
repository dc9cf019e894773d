package io.cunjian.chassis.testapp;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.UnauthenticatedAccessContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The walker on the test-only API: proves it calls every operation, not a vacuous pass. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ChassisUnauthenticatedAccessTest extends UnauthenticatedAccessContract {
}
