package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.villageprojects.domain.Region;
import io.cunjian.villageprojects.domain.RegionLevel;

public record RegionView(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 100) String name, @Size(max = 10) String level,
        @Size(max = 9) String parentCode, @Min(0) @Max(Bounds.COUNT) long version) {
    static RegionView of(Region r) {
        return new RegionView(r.code().value(), r.name(), RegionLevel.of(r.code()).name(),
                RegionLevel.parentOf(r.code()).map(RegionCode::value).orElse(null), r.version());
    }
}
