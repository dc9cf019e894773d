package io.cunjian.chassis.openapi;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The length a string's format already bounds, at the longest text Jackson still reads as that type:
 * a {@code uuid} is 36 characters, a {@code date} at most 16 ({@code +999999999-12-31}) and a
 * {@code date-time} at most 44 (that date, {@code T23:59:59.999999999}, an offset {@code +18:00:00}).
 * Longer text is not of that type: a 400 naming the field. The document states the length for every
 * such string, wherever SmallRye wrote it: a shared component or a schema inlined because a record
 * component carries a description.
 */
final class FormatBounds {

    static final Map<String, Integer> LENGTHS = Map.of("uuid", 36, "date", 16, "date-time", 44);

    private FormatBounds() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> bound = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                Integer length = schema.getFormat() == null ? null : LENGTHS.get(schema.getFormat());
                if (length != null && schema.getMaxLength() == null && isString(schema)) {
                    schema.setMaxLength(length);
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(this);
                }
                accept(schema.getItems());
                each(schema.getAllOf(), this);
                each(schema.getAnyOf(), this);
                each(schema.getOneOf(), this);
            }
        };
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(bound);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> bound.accept(p.getSchema()));
            }
            if (op.getRequestBody() != null) {
                content(op.getRequestBody().getContent(), bound);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), bound));
            }
        }));
    }

    private static boolean isString(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
    }

    private static void each(List<Schema> schemas, Consumer<Schema> bound) {
        if (schemas != null) {
            schemas.forEach(bound);
        }
    }

    private static void content(Content content, Consumer<Schema> bound) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> bound.accept(m.getSchema()));
        }
    }
}
