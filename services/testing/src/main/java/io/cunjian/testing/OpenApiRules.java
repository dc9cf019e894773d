package io.cunjian.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every operation's description must say (docs/design.md, "API conventions"): an operationId (unique), tags,
 * the bearer security requirement, problem+json error responses, and 201 on a POST that creates.
 * The chassis's OASFilter adds the common parts; this checks the result.
 */
public final class OpenApiRules {

    static final String PROBLEM_JSON = "application/problem+json";
    /**
     * Marks a POST that acts on an existing resource (start, verify…) and so answers 200/204, not 201.
     * The services write it through the chassis' {@code ApiConventions.ACTION_EXTENSION}; the harness cannot
     * depend on the chassis (the chassis' tests depend on the harness), so the checker names it here too and
     * {@code ChassisOpenApiTest} reads a document written with the chassis' constant, which keeps the two equal.
     */
    static final String ACTION_EXTENSION = "x-cunjian-action";

    private OpenApiRules() {
    }

    /** Everything wrong with the document, one line each; empty when it follows the rules. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode schemes = document.path("components").path("securitySchemes");
        Set<String> ids = new HashSet<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.operations(document)) {
            JsonNode o = op.node();
            String at = op.label() + ": ";
            String id = o.path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(at + "no operationId");
            } else if (!ids.add(id)) {
                problems.add(at + "operationId " + id + " is used twice");
            }
            if (o.path("tags").isEmpty()) {
                problems.add(at + "no tags");
            }
            if (!bearerRequired(o.path("security"), schemes)) {
                problems.add(at + "no bearer (JWT) security requirement");
            }
            JsonNode responses = o.path("responses");
            List<String> needed = new ArrayList<>(List.of("401", "403"));
            if (op.path().contains("{")) {
                needed.add("404");
            }
            for (String code : needed) {
                if (!responses.has(code)) {
                    problems.add(at + "does not declare its " + code + " response");
                }
            }
            for (Map.Entry<String, JsonNode> r : responses.properties()) {
                if (r.getKey().matches("[45]\\d\\d") && !r.getValue().path("content").has(PROBLEM_JSON)) {
                    problems.add(at + "error response " + r.getKey() + " is not " + PROBLEM_JSON);
                }
            }
            if (op.method().equals("post") && !responses.has("201") && !o.path(ACTION_EXTENSION).asBoolean(false)) {
                problems.add(at + "a POST that creates declares 201 (@APIResponse(responseCode = \"201\")); one that acts on "
                        + "an existing resource says so with @Extension(name = \"" + ACTION_EXTENSION + "\", value = \"true\")");
            }
        }
        return problems;
    }

    private static boolean bearerRequired(JsonNode security, JsonNode schemes) {
        for (JsonNode requirement : security) {
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                JsonNode s = schemes.path(scheme.getKey());
                if ("http".equals(s.path("type").asText()) && "bearer".equalsIgnoreCase(s.path("scheme").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
