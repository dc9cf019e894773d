package io.cunjian.villageprojects.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;

public record DraftStandard(
        @NotBlank @Size(max = 50) @Schema(description = "lower-case kebab case, e.g. jilin-2027-v1", examples = "jilin-2027-v1") String id,
        @NotBlank @Size(max = Bounds.REGION_CODE) @Schema(description = "region code the version applies in, e.g. 22 (Jilin)", examples = "22") String scope,
        @Size(max = 50) @Schema(description = "the version this one revises; without items of its own the draft starts from its items") String basedOn,
        @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn, boolean illustrative,
        @Size(max = 60) List<@NotNull ItemInput> items) {

    StandardContent content() {
        return new StandardContent(nameZh, nameEn, illustrative, items);
    }
}
