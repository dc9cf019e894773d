package io.cunjian.chassis.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.cunjian.chassis.security.SecurityProblems;

/**
 * What every operation of every service documents without each resource repeating it: the bearer
 * scheme (applied to every operation that does not state its own), and the problem+json error
 * responses the chassis can produce for it. An operation's own {@code @APIResponse} wins.
 * Registered with {@code mp.openapi.filter}, so it shapes the stored and the served document alike.
 */
public class ApiConventions implements OASFilter {

    public static final String BEARER = "bearer";
    public static final String PROBLEM_SCHEMA = "Problem";
    /** Marks a POST that acts on an existing resource (start, verify…) rather than creating one. */
    public static final String ACTION_EXTENSION = "x-cunjian-action";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("RS256 JWT with the claims groups, regions and (contractors) contractor_id. Conforms to"
                        + " RFC8725 (JWT best current practices): one algorithm (RS256) and one key, never the token's"
                        + " own choice; signature, issuer and expiry checked on every request."));
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        RateLimitHeaders.declare(components);
        // The document is served by the service it describes: "/" is that service, wherever it runs.
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("this service, at the address the document was read from (local, staging or production)")
                .addExtension("x-internal", false)));
        FormatBounds.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER, List.of()));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        // SmallRye's own 400/401/403 come without a body: ours is problem+json.
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean update = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        add(responses, hasInput, "400", "The request is malformed or fails validation");
        add(responses, true, "401", "A valid bearer token is required");
        add(responses, true, "403", "Not allowed for the caller's role or regions");
        add(responses, path.contains("{"), "404", "No such resource, or not one the caller may see");
        add(responses, changes, "409", "Conflicts with the resource's current state");
        add(responses, update, "412", "If-Match does not match the resource's current ETag");
        add(responses, method == PathItem.HttpMethod.POST, "422", "Idempotency-Key reused with a different request");
        add(responses, update, "428", "If-Match is required");
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", RateLimitHeaders.on(OASFactory.createAPIResponse()
                    .description("The caller's budget for this kind of request is spent; retry after Retry-After seconds")
                    .content(problemContent())));
        }
        // The budget headers come with every answer (ADR 0025), so every 2xx and 4xx declares them.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.matches("[24]\\d\\d") && !code.equals("429")) {
                RateLimitHeaders.budget(response);
            }
        });
    }

    private static void add(APIResponses responses, boolean applies, String code, String description) {
        if (!applies || responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(SecurityProblems.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string(PROBLEM_TEXT).format("uri-reference"))
                .addProperty("title", string(PROBLEM_TEXT))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string(PROBLEM_DETAIL))
                // the request's path: Vert.x refuses a request line longer than 4096 characters
                .addProperty("instance", string(4096).format("uri-reference"));
    }

    /** A problem's type and title are the chassis' own texts; its detail may quote what was sent. */
    private static final int PROBLEM_TEXT = 200;
    private static final int PROBLEM_DETAIL = 8192;

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength);
    }
}
