package io.cunjian.community;

import io.cunjian.testing.OpenApiContract;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CommunityOpenApiTest extends OpenApiContract {
}
