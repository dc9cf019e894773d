package io.cunjian.villageprojects.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import io.cunjian.villageprojects.domain.StandardVersion;
import io.cunjian.villageprojects.domain.WorkCategory;

public record ItemView(@Size(max = 50) String code, StandardVersion.Kind kind, @Size(max = 100) String labelZh,
        @Size(max = 200) String labelEn, StandardVersion.Measure measure, @Size(max = 4) List<WorkCategory.Group> countsGroups) {
    static ItemView of(StandardVersion.Item i) {
        return new ItemView(i.code(), i.kind(), i.labelZh(), i.labelEn(), i.measure(), i.countsGroups());
    }
}
