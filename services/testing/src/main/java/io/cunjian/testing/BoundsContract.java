package io.cunjian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every bounded request field of every operation in the service's committed API document
 * ({@code api-specs/openapi/<service>.yaml}) — JSON body fields and
 * query, path and header parameters — sent in an otherwise valid request: at its bound it is taken (2xx,
 * or the answer the test names with its reason, such as the 404 of a well-formed id that names nothing),
 * one past it it is refused with a 400 problem naming the field, and nothing is written. The bounds are
 * read from the document, so a bound added to a record or a parameter is tested without a line here; an
 * operation the service's test cannot set up fails rather than passes, and so does a bound no value at
 * which is sent without a reason. A service's test extends this and adds
 * {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class BoundsContract {

    /**
     * A request ready to send but for the bounded field: where to (the operation's path with its parameters
     * filled in, and any query), with which headers, a body that is valid as it is (null for none), and what
     * the request would change (compared before and after a refused one). {@code atBound} replaces the
     * generated value at the bound (a patterned field, a code that must name something); {@code noAtBound}
     * says why no value at the bound can be sent, when none can; {@code atBoundStatus} is the answer at the
     * bound when it is not a 2xx, and {@code why} says why; {@code form} adds what a body that is not JSON
     * needs (a multipart upload).
     */
    public record Attempt(String method, String url, Map<String, String> headers, ObjectNode body,
            Supplier<Object> written, JsonNode atBound, String noAtBound, int atBoundStatus, String why,
            UnaryOperator<RequestSpecification> form) {

        public Attempt(String method, String url, Map<String, String> headers, ObjectNode body, Supplier<Object> written) {
            this(method, url, headers, body, written, null, null, 0, null, null);
        }

        /** A read: no body, and nothing it could write. */
        public static Attempt read(String url) {
            return new Attempt("GET", url, Map.of(), null, () -> "a read writes nothing");
        }

        public Attempt atBound(JsonNode value) {
            return new Attempt(method, url, headers, body, written, value, noAtBound, atBoundStatus, why, form);
        }

        public Attempt noAtBound(String reason) {
            return new Attempt(method, url, headers, body, written, atBound, reason, atBoundStatus, why, form);
        }

        /** The answer at the bound is {@code status}, not a 2xx, because of {@code reason} (never 400 or a 5xx). */
        public Attempt answersAtBound(int status, String reason) {
            return new Attempt(method, url, headers, body, written, atBound, noAtBound, status, reason, form);
        }

        /** The request's body is not JSON: {@code form} adds it (a multipart upload). */
        public Attempt form(UnaryOperator<RequestSpecification> form) {
            return new Attempt(method, url, headers, body, written, atBound, noAtBound, atBoundStatus, why, form);
        }
    }

    /** A fresh request for {@code bound}'s operation (each send may change state, so one per send). */
    protected abstract Attempt attempt(RequestBounds.Bound bound);

    @TestFactory
    Stream<DynamicTest> everyBoundedFieldIsTakenAtItsBoundAndRefusedPastIt() {
        // the committed document, not the one the service makes: a bound taken off a parameter or a record
        // still tried here (where it fails), not only at the drift test
        List<RequestBounds.Bound> bounds = RequestBounds.of(OpenApiDocument.committed());
        assertThat(bounds).as("bounded request fields in the committed API document").isNotEmpty();
        return bounds.stream().map(b -> DynamicTest.dynamicTest(b.label(), () -> check(b)));
    }

    private void check(RequestBounds.Bound bound) {
        Attempt at = attempt(bound);
        Request request = Request.of(bound, at);
        JsonNode value = at.atBound() != null ? at.atBound() : bound.atBound(request.current(bound));
        assertThat(value != null || at.noAtBound() != null)
                .as(bound.label() + ": no value at the bound can be made from the request (pattern " + bound.pattern()
                        + ", format " + bound.format() + "): the test must give one, or say why there is none")
                .isTrue();
        String taken = "not sent (" + at.noAtBound() + ")";
        if (at.noAtBound() == null) {
            Response r = request.send(bound, value);
            if (at.atBoundStatus() == 0) {
                assertThat(r.statusCode()).as(bound.label() + " at the bound " + value + ": " + r.asString()).isBetween(200, 299);
            } else {
                assertThat(at.atBoundStatus()).as("an answer at the bound is neither 400 nor a fault").isNotEqualTo(400).isLessThan(500);
                assertThat(r.statusCode()).as(bound.label() + " at the bound " + value + ": " + r.asString()).isEqualTo(at.atBoundStatus());
            }
            taken = r.statusCode() + (at.why() != null ? " (" + at.why() + ")" : "");
        }
        // what was tried shows in the test's output: a bound never sent at its value is visible
        System.out.println("bound " + bound.label() + ": at the bound " + taken);
        Attempt past = attempt(bound);
        Request pastRequest = Request.of(bound, past);
        Object before = past.written().get();
        Response r = pastRequest.send(bound, bound.pastBound(pastRequest.current(bound)));
        assertThat(r.statusCode()).as(bound.label() + " past the bound: " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = r.jsonPath().getList("errors.field");
        assertThat(fields).as(bound.label() + " past the bound: the problem names the field").contains(bound.field());
        assertThat(past.written().get()).as(bound.label() + " past the bound: nothing written").isEqualTo(before);
    }

    /** An attempt taken apart: its path parameters (by the operation's template), query and headers. */
    private record Request(Attempt attempt, Map<String, String> pathParams, Map<String, String> query, Map<String, String> headers) {

        static Request of(RequestBounds.Bound bound, Attempt attempt) {
            String[] urlAndQuery = attempt.url().split("\\?", 2);
            String[] template = bound.path().split("/");
            String[] concrete = urlAndQuery[0].split("/");
            assertThat(concrete).as(attempt.url() + " is a request to " + bound.path()).hasSameSizeAs(template);
            Map<String, String> pathParams = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (template[i].startsWith("{")) {
                    pathParams.put(template[i].substring(1, template[i].length() - 1), concrete[i]);
                } else {
                    assertThat(concrete[i]).as(attempt.url() + " is a request to " + bound.path()).isEqualTo(template[i]);
                }
            }
            Map<String, String> query = new LinkedHashMap<>();
            if (urlAndQuery.length > 1) {
                for (String pair : urlAndQuery[1].split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
            return new Request(attempt, pathParams, query, new LinkedHashMap<>(attempt.headers()));
        }

        /** What the request holds where the bound is, or null. */
        JsonNode current(RequestBounds.Bound bound) {
            String value = switch (bound.in()) {
                case "path" -> pathParams.get(bound.field());
                case "query" -> query.get(bound.field());
                case "header" -> headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(bound.field()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                default -> null;
            };
            if (bound.inBody()) {
                JsonNode node = attempt.body() == null ? null : attempt.body().at("/" + bound.field().replace('.', '/'));
                return node == null || node.isMissingNode() ? null : node;
            }
            return value == null ? null : JsonNodeFactory.instance.textNode(value);
        }

        Response send(RequestBounds.Bound bound, JsonNode value) {
            String text = value.isTextual() ? value.asText() : value.toString();
            Map<String, String> p = new LinkedHashMap<>(pathParams);
            Map<String, String> q = new LinkedHashMap<>(query);
            Map<String, String> h = new LinkedHashMap<>(headers);
            ObjectNode body = attempt.body();
            switch (bound.in()) {
                case "path" -> p.put(bound.field(), text);
                case "query" -> q.put(bound.field(), text);
                case "header" -> {
                    h.keySet().removeIf(k -> k.equalsIgnoreCase(bound.field()));
                    h.put(bound.field(), text);
                }
                default -> body = RequestBounds.with(body, bound.field(), value);
            }
            RequestSpecification spec = given().headers(h).pathParams(p).queryParams(q);
            if (body != null) {
                spec = spec.contentType(ContentType.JSON).body(body.toString());
            }
            if (attempt.form() != null) {
                spec = attempt.form().apply(spec);
            }
            return spec.request(attempt.method(), bound.path());
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}
