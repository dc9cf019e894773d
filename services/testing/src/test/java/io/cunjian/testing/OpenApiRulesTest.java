package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiRulesTest {

    private static final String SCHEMES = """
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}""";
    private static final String PROBLEM = """
            {"description": "x", "content": {"application/problem+json": {}}}""";

    @Test
    void aCompleteDocumentHasNoProblems() {
        String doc = "{" + SCHEMES + ", \"paths\": {\"/things/{id}\": {\"get\": " + operation("getThing", "200")
                + "}, \"/things\": {\"post\": " + operation("createThing", "201") + "}, \"/things/{id}/start\": {\"post\": "
                + operation("startThing", "204").replaceFirst("\\{", "{\"x-cunjian-action\": true, ") + "}}}";

        assertThat(OpenApiRules.problems(OpenApiDocument.parse(doc))).isEmpty();
    }

    @Test
    void everyMissingPieceIsNamed() {
        String doc = "{" + SCHEMES + ", \"paths\": {\"/things/{id}\": {\"post\": {\"responses\": {\"200\": {}, "
                + "\"401\": {\"content\": {\"application/json\": {}}}}}}, \"/other\": {\"get\": " + operation("getThing", "200")
                + ", \"put\": " + operation("getThing", "200") + "}}}";

        assertThat(OpenApiRules.problems(OpenApiDocument.parse(doc))).containsExactlyInAnyOrder(
                "POST /things/{id}: no operationId",
                "POST /things/{id}: no tags",
                "POST /things/{id}: no bearer (JWT) security requirement",
                "POST /things/{id}: does not declare its 403 response",
                "POST /things/{id}: does not declare its 404 response",
                "POST /things/{id}: error response 401 is not application/problem+json",
                "POST /things/{id}: a POST that creates declares 201 (@APIResponse(responseCode = \"201\")); one that acts on "
                        + "an existing resource says so with @Extension(name = \"x-cunjian-action\", value = \"true\")",
                "PUT /other: operationId getThing is used twice");
    }

    private static String operation(String id, String success) {
        return "{\"operationId\": \"" + id + "\", \"tags\": [\"Things\"], \"security\": [{\"bearer\": []}], "
                + "\"responses\": {\"" + success + "\": {\"description\": \"ok\"}, \"401\": " + PROBLEM + ", \"403\": " + PROBLEM
                + ", \"404\": " + PROBLEM + "}}";
    }
}
