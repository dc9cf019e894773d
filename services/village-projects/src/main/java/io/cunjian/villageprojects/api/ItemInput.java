package io.cunjian.villageprojects.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.StandardVersion;
import io.cunjian.villageprojects.domain.WorkCategory;

@Schema(description = "An item of the standard. countsGroups: the category groups whose verified work counts (WORK_QUANTITY only).")
public record ItemInput(@Size(max = 50) @Schema(examples = "street-lighting") String code, StandardVersion.Kind kind,
        @Size(max = 100) @Schema(examples = "有路灯照明") String labelZh, @Size(max = 200) @Schema(examples = "Street lighting") String labelEn,
        StandardVersion.Measure measure, @Size(max = 4) List<WorkCategory.Group> countsGroups) {

    StandardVersion.Item toDomain() {
        return new StandardVersion.Item(code, kind, labelZh, labelEn, measure, countsGroups);
    }
}
