package io.cunjian.camerainventory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneKind;

/** What staff may change of a zone (PUT /api/v1/zones/{id}). */
public record ZoneDetails(@NotBlank @Size(max = 100) @Schema(examples = "东村口") String name,
        @NotNull @Schema(description = "ENTRANCE, MAIN_ROAD, SQUARE, SCHOOL_GATE, RIVER_BANK or OTHER") ZoneKind kind,
        @Valid @Schema(description = "optional centre point (WGS-84)") Views.Point centre) {

    Zone.Details toDomain() {
        return new Zone.Details(name, kind, centre == null ? null : centre.toDomain());
    }
}
