package io.cunjian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the service's own OpenAPI document, called without a token, with an expired
 * one, one signed by another key, one of another issuer and one with {@code alg: none}, answers 401
 * with problem+json — and changes nothing (the row count of every table is the same after). A
 * service's test extends this and adds {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class UnauthenticatedAccessContract {

    private static final List<String> JAX_RS_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** The most powerful claims, so a 401 can only come from the token itself. */
    private static final Map<String, String> REFUSED_TOKENS = new LinkedHashMap<>();

    static {
        REFUSED_TOKENS.put("no token", null);
        REFUSED_TOKENS.put("an expired token", Tokens.expired("district-admin", "22"));
        REFUSED_TOKENS.put("a token signed by another key", Tokens.signedByAnotherKey("district-admin", "22"));
        REFUSED_TOKENS.put("a token of another issuer", Tokens.otherIssuer("district-admin", "22"));
        REFUSED_TOKENS.put("an alg:none token", Tokens.algNone("district-admin", "22"));
    }

    @Test
    void everyOperationRefusesCallersWithoutAValidTokenAndChangesNothing() throws Exception {
        List<OpenApiDocument.Operation> operations = OpenApiDocument.operations(OpenApiDocument.fetchJson());
        if (operations.isEmpty()) {
            long compiled = compiledResourceMethods();
            assertThat(compiled).as("this module compiles " + compiled + " JAX-RS resource methods, but its OpenAPI "
                    + "document lists no operation: the walk would prove nothing").isZero();
            Assumptions.abort("no API operations yet: nothing to walk");
        }
        Walk walk = walk(operations);
        assertThat(walk.failures()).as("operations that did not refuse the caller with a problem+json 401").isEmpty();
        assertThat(walk.rowsAfter()).as("rows per table after the refused calls").isEqualTo(walk.rowsBefore());
    }

    /** What calling every operation with every refused token gave: the calls not refused, and the rows before and after. */
    public record Walk(List<String> failures, Map<String, Long> rowsBefore, Map<String, Long> rowsAfter) {
    }

    public static Walk walk(List<OpenApiDocument.Operation> operations) throws SQLException {
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation op : operations) {
            for (Map.Entry<String, String> token : REFUSED_TOKENS.entrySet()) {
                Response r = request(op, token.getValue()).request(op.method().toUpperCase(java.util.Locale.ROOT), url(op));
                String type = String.valueOf(r.getContentType());
                if (r.statusCode() != 401 || !type.startsWith("application/problem+json") || problemStatus(r) != 401) {
                    failures.add(op.label() + " with " + token.getKey() + " answered " + r.statusCode() + " " + type + " "
                            + r.asString());
                }
            }
        }
        return new Walk(failures, before, rowCounts());
    }

    private static int problemStatus(Response r) {
        try {
            return OpenApiDocument.parse(r.asString()).path("status").asInt();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static RequestSpecification request(OpenApiDocument.Operation op, String token) {
        RequestSpecification spec = given().urlEncodingEnabled(false);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        // What a well-behaved client would send, so that nothing but the token is wrong.
        spec.header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", "\"1\"");
        for (JsonNode p : op.node().path("parameters")) {
            if (p.path("required").asBoolean(false) && List.of("query", "header").contains(p.path("in").asText())) {
                String value = plausible(p.path("name").asText(), p.path("schema"));
                if (p.path("in").asText().equals("query")) {
                    spec.queryParam(p.path("name").asText(), value);
                } else {
                    spec.header(p.path("name").asText(), value);
                }
            }
        }
        JsonNode content = op.node().path("requestBody").path("content");
        if (!content.isMissingNode() && content.size() > 0) {
            String mediaType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            if (mediaType.startsWith("multipart/")) {
                spec.multiPart("file", "empty.bin", new byte[] { 0 }); // RestAssured cannot send a multipart body as text
            } else {
                // an empty file for a spreadsheet or any other non-JSON body (RestAssured encodes text only for types it knows)
                spec.contentType(mediaType);
                if (mediaType.contains("json")) {
                    spec.body("{}");
                } else {
                    spec.body(new byte[0]);
                }
            }
        } else if (List.of("post", "put", "patch").contains(op.method())) {
            // A resource's class-wide @Consumes would otherwise answer 415 before the token is looked at.
            spec.contentType("application/json");
        }
        return spec;
    }

    private static String url(OpenApiDocument.Operation op) {
        String url = op.path();
        for (JsonNode p : op.node().path("parameters")) {
            if (p.path("in").asText().equals("path")) {
                url = url.replace("{" + p.path("name").asText() + "}", plausible(p.path("name").asText(), p.path("schema")));
            }
        }
        return url.replaceAll("\\{[^}]+}", "1");
    }

    /** A value of the right shape, so that the request reaches the security check and not a 400/404. */
    static String plausible(String name, JsonNode schema) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        String type = schema.path("type").asText("string");
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (n.contains("village")) {
            return "220303100001";
        }
        if (n.contains("contractor")) {
            return Tokens.CONTRACTOR_ID;
        }
        if (n.contains("region") || n.contains("code")) {
            return "220303";
        }
        if (n.contains("date") || n.contains("asof") || n.contains("as-of")) {
            return "2026-06-30";
        }
        return "1";
    }

    /** Rows per table of the service's database, every schema but the system's. */
    static Map<String, Long> rowCounts() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select format('%I.%I', table_schema, table_name) from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** JAX-RS resource methods this module compiles (main and test classes), found in its class files. */
    static long compiledResourceMethods() throws IOException {
        Indexer indexer = new Indexer();
        for (Path dir : List.of(Path.of("target/classes"), Path.of("target/test-classes"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        indexer.index(in);
                    } catch (UncheckedIOException | IllegalArgumentException e) {
                        // not a class Jandex reads (e.g. a newer class file version): not a resource of ours
                    }
                }
            }
        }
        Index index = indexer.complete();
        return JAX_RS_METHODS.stream()
                .mapToLong(m -> index.getAnnotations(DotName.createSimple("jakarta.ws.rs." + m)).size()).sum();
    }
}
