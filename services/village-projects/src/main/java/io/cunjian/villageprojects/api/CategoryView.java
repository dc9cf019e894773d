package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.villageprojects.domain.WorkCategory;

public record CategoryView(@Size(max = Bounds.CATEGORY_CODE) String code, @Size(max = 50) String nameZh, @Size(max = 100) String nameEn,
        @Schema(description = "English code of the unit") WorkCategory.Unit unit,
        @Size(max = 1) @Schema(description = "the unit's measure word, e.g. 盏") String unitZh, WorkCategory.Group group,
        @Min(0) @Max(Bounds.COUNT) long version) {
    static CategoryView of(WorkCategory c) {
        return new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.unit(), c.unit().zh, c.group(), c.version());
    }
}
