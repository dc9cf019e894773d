package io.cunjian.villageprojects.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;

public record RegisterVillage(
        @NotBlank @Size(max = Bounds.REGION_CODE) @Schema(description = "12-digit village code; its first 9 digits are the township's", examples = "220382201201") String code,
        @NotBlank @Size(max = 9) @Schema(description = "the registered township the village lies in", examples = "220382201") String townshipCode,
        @NotBlank @Size(max = 100) String name, @Min(0) @Max(10_000_000) Integer households,
        @Min(0) @Max(10_000_000) Integer population, boolean demonstration, @Min(2000) @Max(2100) Integer creationYear,
        @Size(max = 50) String creationBatch, @Valid ContactInput contact) {

    VillageDetails details() {
        return new VillageDetails(name, households, population, demonstration, creationYear, creationBatch, contact);
    }
}
