package io.cunjian.villageprojects.domain;

import java.util.Arrays;
import java.util.Optional;

import io.cunjian.chassis.domain.RegionCode;

/**
 * The level of a region, told by the length of its code (docs/design.md, "Codes, regions and scoping"): province 2 digits, city 4,
 * county/district 6, township 9, village 12. A region's parent is the prefix of the level above,
 * so every roll-up can walk from a village up to its province without a look-up.
 */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(RegionCode.TOWNSHIP_LENGTH), VILLAGE(RegionCode.VILLAGE_LENGTH);

    public final int length;

    RegionLevel(int length) {
        this.length = length;
    }

    public static RegionLevel of(RegionCode code) {
        return Arrays.stream(values()).filter(l -> l.length == code.value().length()).findFirst().orElseThrow();
    }

    /** The region directly above; a province has none. */
    public static Optional<RegionCode> parentOf(RegionCode code) {
        RegionLevel level = of(code);
        return level == PROVINCE ? Optional.empty()
                : Optional.of(new RegionCode(code.value().substring(0, values()[level.ordinal() - 1].length)));
    }
}
