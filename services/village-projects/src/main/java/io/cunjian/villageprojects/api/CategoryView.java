package io.cunjian.villageprojects.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.WorkCategory;

public record CategoryView(String code, String nameZh, String nameEn,
        @Schema(description = "English code of the unit") WorkCategory.Unit unit,
        @Schema(description = "the unit's measure word, e.g. 盏") String unitZh, WorkCategory.Group group, long version) {
    static CategoryView of(WorkCategory c) {
        return new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.unit(), c.unit().zh, c.group(), c.version());
    }
}
