package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.WorkCategory;

@Schema(description = "New names. unit and group cannot change: when sent, they must equal the current ones.")
public record RenameCategory(@NotBlank @Size(max = 50) String nameZh, @NotBlank @Size(max = 100) String nameEn,
        @Schema(description = "optional; refused when it differs from the category's unit") WorkCategory.Unit unit,
        @Schema(description = "optional; refused when it differs from the category's group") WorkCategory.Group group) {
}
