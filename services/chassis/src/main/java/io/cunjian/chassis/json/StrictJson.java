package io.cunjian.chassis.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read as they are written, not as Jackson can bend them (found by the
 * end-to-end hostile input): a number or {@code true} where text is expected ({@code "name": 12345})
 * is a mistake, not a name, and a number where a date is expected is not an epoch day
 * ({@code "dueDate": 12345} was read as 2003-10-20). Both are now a 400 naming the field. Text
 * that holds a number where a number is expected ({@code "quantity": "80"}) is still accepted:
 * forms send numbers so.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (Class<?> time : new Class<?>[] {LocalDate.class, LocalDateTime.class, LocalTime.class, OffsetDateTime.class, Instant.class}) {
            mapper.configOverride(time).setFormat(JsonFormat.Value.forLeniency(false));
        }
    }
}
