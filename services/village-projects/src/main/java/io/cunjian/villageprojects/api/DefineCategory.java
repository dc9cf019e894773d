package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.WorkCategory;

public record DefineCategory(
        @NotBlank @Size(max = 50) @Schema(description = "lower-case kebab case, never changes", examples = "street-lamp-repair") String code,
        @NotBlank @Size(max = 50) @Schema(examples = "路灯维修") String nameZh,
        @NotBlank @Size(max = 100) @Schema(examples = "Street lamp repair") String nameEn,
        @NotNull @Schema(description = "LAMP 盏, PIECE 个, METRE 米, PLANT 株, JIN 斤 (500 g), SITE 处, SET 套, BOARD 块, BENCH 条; never changes") WorkCategory.Unit unit,
        @NotNull @Schema(description = "never changes") WorkCategory.Group group) {
}
