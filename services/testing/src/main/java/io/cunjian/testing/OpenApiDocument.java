package io.cunjian.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document of the app under test, and its operations. */
public final class OpenApiDocument {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {
    }

    /** One operation: its path, method and description. */
    public record Operation(String path, String method, JsonNode node) {

        public String label() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    public static JsonNode fetchJson() {
        return parse(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    /**
     * The committed document of the service under test, {@code api-specs/openapi/<service>.yaml}: what
     * clients are told (its drift test holds the service's own equal to it).
     */
    public static JsonNode committed() {
        String service = RealInfrastructure.moduleName();
        java.nio.file.Path file = OpenApiDrift.committedDocument(java.nio.file.Path.of(System.getProperty("cunjian.root", "../..")), service);
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fetchYaml() {
        return given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    ops.add(new Operation(path.getKey(), method.getKey(), method.getValue()));
                }
            }
        }
        return ops;
    }
}
