package io.cunjian.villageprojects.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.Village;

@Schema(description = "A village's details: everything but its code and township, which never change.")
public record VillageDetails(@NotBlank @Size(max = 100) @Schema(examples = "永加社区") String name,
        @Min(0) @Max(10_000_000) @Schema(description = "number of households; null when unknown") Integer households,
        @Min(0) @Max(10_000_000) @Schema(description = "number of residents; null when unknown") Integer population,
        @Schema(description = "示范村: a demonstration village of the creation programme") boolean demonstration,
        @Min(2000) @Max(2100) @Schema(description = "year the village joined the creation programme") Integer creationYear,
        @Size(max = 50) @Schema(description = "batch (批次) it joined in, e.g. 第一批", examples = "第一批") String creationBatch,
        @Valid ContactInput contact) {

    Village.Details toDomain() {
        return new Village.Details(name, households, population, demonstration, creationYear, creationBatch,
                contact == null ? null : new Village.Contact(contact.name(), contact.phone()));
    }
}
