package io.cunjian.villageprojects.api;

import java.util.List;

import io.cunjian.villageprojects.domain.StandardVersion;
import io.cunjian.villageprojects.domain.WorkCategory;

public record ItemView(String code, StandardVersion.Kind kind, String labelZh, String labelEn,
        StandardVersion.Measure measure, List<WorkCategory.Group> countsGroups) {
    static ItemView of(StandardVersion.Item i) {
        return new ItemView(i.code(), i.kind(), i.labelZh(), i.labelEn(), i.measure(), i.countsGroups());
    }
}
