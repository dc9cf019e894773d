package io.cunjian.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.testing.OpenApiDocument;
import io.cunjian.testing.OpenApiRules;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the chassis's OASFilter and configuration add to a service's document. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ChassisOpenApiTest {

    @Test
    void theTestApiFollowsEveryRule() {
        JsonNode doc = OpenApiDocument.fetchJson();

        assertThat(OpenApiDocument.operations(doc)).hasSize(7);
        assertThat(OpenApiRules.problems(doc)).isEmpty();
    }

    @Test
    void bearerSchemeAndProblemResponsesAreDeclared() {
        JsonNode doc = OpenApiDocument.fetchJson();
        JsonNode paths = doc.path("paths");

        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.at("/components/schemas/Problem/required").toString()).isEqualTo("[\"type\",\"title\",\"status\"]");
        JsonNode create = paths.path("/things").path("post");
        assertThat(create.path("operationId").asText()).isEqualTo("createThing");
        assertThat(create.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(create.path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("201", "400", "401", "403", "409", "422", "429");
        assertThat(paths.path("/things/{id}").path("put").path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409", "412", "428", "429");
        assertThat(paths.path("/things/{id}").path("get").path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429");
        assertThat(create.at("/responses/401/content").has("application/problem+json")).isTrue();
    }

    @Test
    void everyOperationMayAnswer429WithTheRateLimitHeaders() {
        JsonNode doc = OpenApiDocument.fetchJson();

        for (OpenApiDocument.Operation op : OpenApiDocument.operations(doc)) {
            JsonNode tooMany = op.node().path("responses").path("429");
            assertThat(tooMany.path("content").has("application/problem+json")).as(op.toString()).isTrue();
            assertThat(tooMany.path("headers").fieldNames()).toIterable().as(op.toString())
                    .containsExactlyInAnyOrder("RateLimit-Policy", "RateLimit", "Retry-After");
            assertThat(tooMany.at("/headers/RateLimit/$ref").asText()).isEqualTo("#/components/headers/RateLimit");
        }
        assertThat(doc.at("/components/headers/RateLimit-Policy/description").asText())
                .contains("draft-ietf-httpapi-ratelimit-headers-10");
        assertThat(doc.at("/components/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
    }
}
