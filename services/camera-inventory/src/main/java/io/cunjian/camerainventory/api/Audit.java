package io.cunjian.camerainventory.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff saw working on a walk through a village (POST /api/v1/villages/{code}/audits). */
public record Audit(@NotNull @NotEmpty @Size(max = HeartbeatResource.MOST_SERIALS)
        @Schema(description = "serials of the village's cameras seen working") List<@Size(max = HeartbeatResource.SERIAL) String> serials,
        @Schema(description = "when (ISO-8601 with offset); now when omitted") OffsetDateTime at) {
}
