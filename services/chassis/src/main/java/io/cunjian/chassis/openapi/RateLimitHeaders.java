package io.cunjian.chassis.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The rate-limit headers as the documents declare them (io.cunjian.chassis.ratelimit, ADR 0025): once under
 * {@code components/headers}, referenced by the 429 every operation can answer (all three) and by every other 2xx and
 * 4xx answer (the budget and what is left of it, which the services send on every answer).
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    static void declare(Components components) {
        components.addHeader(POLICY, header("The budget this request draws on, draft-ietf-httpapi-ratelimit-headers-10: "
                + "its name, q requests per w seconds, e.g. \"writes\";q=60;w=60", text()));
        components.addHeader(RATE_LIMIT, header("What is left of it, draft-ietf-httpapi-ratelimit-headers-10: r requests "
                + "left, t seconds until the window starts again with the whole quota, e.g. \"writes\";r=0;t=12. Sent on "
                + "every answer", text()));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before the budget allows another request",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86_400))));
    }

    static APIResponse on(APIResponse response) {
        for (String name : List.of(POLICY, RATE_LIMIT, RETRY_AFTER)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
        return response;
    }

    /** Every answer but a 429 carries the budget and what is left of it. */
    static APIResponse budget(APIResponse response) {
        for (String name : List.of(POLICY, RATE_LIMIT)) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        }
        return response;
    }

    /** A structured field of the draft: a quoted budget name and its parameters, never long. */
    private static Schema text() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)
                .pattern("^\"[a-z-]{1,40}\";[a-z]=\\d{1,10}(;[a-z]=\\d{1,10})*$");
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }
}
