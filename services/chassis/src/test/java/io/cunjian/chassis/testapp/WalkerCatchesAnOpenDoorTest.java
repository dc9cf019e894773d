package io.cunjian.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.OpenApiDocument;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.UnauthenticatedAccessContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The walker is not a vacuous pass: an operation open to anyone is reported, and so is the row it wrote. */
@QuarkusTest
@TestProfile(WalkerCatchesAnOpenDoorTest.OpenDoor.class)
@WithTestResource(RealInfrastructure.class)
class WalkerCatchesAnOpenDoorTest {

    public static class OpenDoor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cunjian.test.open-door", "true");
        }
    }

    @Test
    void anOperationThatAnswersWithoutATokenFailsTheWalk() throws Exception {
        List<OpenApiDocument.Operation> operations = OpenApiDocument.operations(OpenApiDocument.fetchJson());

        UnauthenticatedAccessContract.Walk walk = UnauthenticatedAccessContract.walk(operations);

        assertThat(walk.failures()).hasSize(5).allMatch(f -> f.startsWith("POST /open-door with ") && f.contains(" answered 201"));
        assertThat(walk.rowsAfter().get("public.thing")).isEqualTo(walk.rowsBefore().get("public.thing") + 5);
    }
}
