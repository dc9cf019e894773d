package io.cunjian.community;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.UnauthenticatedAccessContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CommunityUnauthenticatedAccessTest extends UnauthenticatedAccessContract {
}
