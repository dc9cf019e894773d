package io.cunjian.villageprojects.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.StandardVersion;
import io.cunjian.villageprojects.domain.WorkCategory;

@Schema(description = "An item of the standard. countsGroups: the category groups whose verified work counts (WORK_QUANTITY only).")
public record ItemInput(@Schema(examples = "street-lighting") String code, StandardVersion.Kind kind,
        @Schema(examples = "有路灯照明") String labelZh, @Schema(examples = "Street lighting") String labelEn,
        StandardVersion.Measure measure, List<WorkCategory.Group> countsGroups) {

    StandardVersion.Item toDomain() {
        return new StandardVersion.Item(code, kind, labelZh, labelEn, measure, countsGroups);
    }
}
