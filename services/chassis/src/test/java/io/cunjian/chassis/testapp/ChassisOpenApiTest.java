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
            op.node().path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().matches("[24]\\d\\d")) { // the budget comes with every answer, declared on each
                    assertThat(answer.getValue().path("headers").has("RateLimit")).as(op + " " + answer.getKey()).isTrue();
                    assertThat(answer.getValue().path("headers").has("RateLimit-Policy")).as(op + " " + answer.getKey()).isTrue();
                }
            });
        }
        assertThat(doc.at("/components/headers/RateLimit-Policy/description").asText())
                .contains("draft-ietf-httpapi-ratelimit-headers-10");
        assertThat(doc.at("/components/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
    }

    /** What OWASP's API checks ask of every document (docs/adr/0027-bounds-in-the-contract.md). */
    @Test
    void serverJwtPracticeAndABoundedProblemAreDeclared() {
        JsonNode doc = OpenApiDocument.fetchJson();

        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.at("/servers/0/x-internal").asBoolean(true)).isFalse();
        assertThat(doc.at("/components/securitySchemes/bearer/description").asText()).contains("RFC8725");
        assertThat(doc.at("/components/schemas/Problem/properties/status/format").asText()).isEqualTo("int32");
        assertThat(doc.at("/components/schemas/Problem/properties/status/maximum").asInt()).isEqualTo(599);
        assertThat(doc.at("/components/schemas/Problem/properties/detail/maxLength").asInt()).isPositive();
    }
}
