package io.cunjian.infrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a ready service shows at {@code /q/health/ready}: a database check and a Kafka check,
 * both UP. One home for the rule, because the stack's smoke and every service's start-up test
 * ask the same question of the same answer.
 */
public final class Readiness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Readiness() {
    }

    /** What is missing from {@code readinessJson}; empty when both checks are there and UP. */
    public static List<String> problems(String readinessJson) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode checks = JSON.readTree(readinessJson).path("checks");
        for (String needed : List.of("Database", "Kafka")) {
            boolean up = false;
            for (JsonNode c : checks) {
                if (c.path("name").asText().contains(needed) && "UP".equals(c.path("status").asText())) {
                    up = true;
                }
            }
            if (!up) {
                problems.add("readiness has no " + needed + " check that is UP: " + readinessJson);
            }
        }
        return problems;
    }
}
