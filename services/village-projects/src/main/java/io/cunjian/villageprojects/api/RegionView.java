package io.cunjian.villageprojects.api;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.villageprojects.domain.Region;
import io.cunjian.villageprojects.domain.RegionLevel;

public record RegionView(String code, String name, String level, String parentCode, long version) {
    static RegionView of(Region r) {
        return new RegionView(r.code().value(), r.name(), RegionLevel.of(r.code()).name(),
                RegionLevel.parentOf(r.code()).map(RegionCode::value).orElse(null), r.version());
    }
}
