package io.cunjian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every bounded field of every JSON request body in the service's API document, sent in an
 * otherwise valid request: at its bound it is taken (2xx), one past it it is refused with a 400
 * problem naming the field, and nothing is written. The bounds are read from the document, so a
 * bound added to a record is tested without a line here; an operation the service's test cannot set
 * up fails rather than passes. A service's test extends this and adds
 * {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class BoundsContract {

    /**
     * A request ready to send but for the bounded field: where to, with which headers, a body that is
     * valid as it is, and what the request would change (compared before and after a refused one).
     * {@code atBound} replaces the generated value at the bound (a patterned field, a code that must
     * name something); {@code noAtBound} says why no value at the bound can be sent, when none can.
     */
    public record Attempt(String method, String url, Map<String, String> headers, ObjectNode body,
            Supplier<Object> written, JsonNode atBound, String noAtBound) {

        public Attempt(String method, String url, Map<String, String> headers, ObjectNode body, Supplier<Object> written) {
            this(method, url, headers, body, written, null, null);
        }

        public Attempt atBound(JsonNode value) {
            return new Attempt(method, url, headers, body, written, value, noAtBound);
        }

        public Attempt noAtBound(String why) {
            return new Attempt(method, url, headers, body, written, atBound, why);
        }
    }

    /** A fresh request for {@code bound}'s operation (each send may change state, so one per send). */
    protected abstract Attempt attempt(RequestBounds.Bound bound);

    @TestFactory
    Stream<DynamicTest> everyBoundedFieldIsTakenAtItsBoundAndRefusedPastIt() {
        List<RequestBounds.Bound> bounds = RequestBounds.of(OpenApiDocument.fetchJson());
        assertThat(bounds).as("bounded request fields in the API document").isNotEmpty();
        return bounds.stream().map(b -> DynamicTest.dynamicTest(b.label(), () -> check(b)));
    }

    private void check(RequestBounds.Bound bound) {
        Attempt at = attempt(bound);
        JsonNode value = at.atBound() != null ? at.atBound() : bound.atBound();
        boolean noneExpected = bound.kind() == RequestBounds.Kind.MAX_ITEMS || bound.kind() == RequestBounds.Kind.EXCLUSIVE_MINIMUM
                || bound.format() != null;
        assertThat(value != null || at.noAtBound() != null || noneExpected)
                .as(bound.label() + ": the pattern " + bound.pattern() + " needs the test's value at the bound, or why there is none")
                .isTrue();
        if (at.noAtBound() == null && value != null) {
            Response r = send(at, RequestBounds.with(at.body(), bound.field(), value));
            assertThat(r.statusCode()).as(bound.label() + " at the bound: " + r.asString()).isBetween(200, 299);
        }
        // what was tried shows in the test's output: a bound never sent at its value is visible
        System.out.println("bound " + bound.label() + ": at the bound "
                + (at.noAtBound() == null && value != null ? "taken" : "not sent (" + (at.noAtBound() != null
                        ? at.noAtBound() : bound.kind() == RequestBounds.Kind.MAX_ITEMS ? "items" : "format or exclusive") + ")"));
        Attempt past = attempt(bound);
        Object before = past.written().get();
        Response r = send(past, RequestBounds.with(past.body(), bound.field(), bound.pastBound(past.body())));
        assertThat(r.statusCode()).as(bound.label() + " past the bound: " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = r.jsonPath().getList("errors.field");
        assertThat(fields).as(bound.label() + " past the bound: the problem names the field").contains(bound.field());
        assertThat(past.written().get()).as(bound.label() + " past the bound: nothing written").isEqualTo(before);
    }

    private static Response send(Attempt attempt, ObjectNode body) {
        return given().contentType(ContentType.JSON).headers(attempt.headers()).body(body.toString())
                .request(attempt.method(), attempt.url());
    }
}
