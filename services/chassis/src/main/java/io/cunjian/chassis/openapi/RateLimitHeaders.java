package io.cunjian.chassis.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The rate-limit headers as the documents declare them (io.cunjian.chassis.ratelimit, ADR 0025): once under
 * {@code components/headers}, referenced by the 429 every operation can answer.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    static void declare(Components components) {
        components.addHeader(POLICY, header("The budget this request draws on, draft-ietf-httpapi-ratelimit-headers-10: "
                + "its name, q requests per w seconds, e.g. \"writes\";q=60;w=60", Schema.SchemaType.STRING));
        components.addHeader(RATE_LIMIT, header("What is left of it, draft-ietf-httpapi-ratelimit-headers-10: r requests "
                + "left, t seconds until the window starts again with the whole quota, e.g. \"writes\";r=0;t=12. Sent on "
                + "every answer", Schema.SchemaType.STRING));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before the budget allows another request", Schema.SchemaType.INTEGER));
    }

    static APIResponse on(APIResponse response) {
        for (String name : List.of(POLICY, RATE_LIMIT, RETRY_AFTER)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
        return response;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).required(true)
                .schema(OASFactory.createSchema().type(List.of(type)));
    }
}
