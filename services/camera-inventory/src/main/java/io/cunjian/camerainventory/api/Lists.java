package io.cunjian.camerainventory.api;

import java.util.List;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.RegionScope;

/** What a list may show: the caller's readable regions, narrowed by the filters. */
final class Lists {

    private Lists() {
    }

    /** A true/false filter: null when absent; anything else than true or false is a 400 naming it (Boolean.valueOf would read it as false). */
    static Boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInputProblem(name, "problem.flag.invalid");
        }
        return Boolean.valueOf(value);
    }

    /** The region prefixes the caller may read (403 for roles that read nothing here); checks the filter codes. */
    static List<String> readableRegions(Caller caller, String within, String village) {
        if (within != null && !within.isEmpty() && !RegionCode.isValid(within)) {
            throw new InvalidInputProblem("within", "problem.region.code.invalid");
        }
        if (village != null && !village.isEmpty() && !RegionCode.isVillageCode(village)) {
            throw new InvalidInputProblem("village", "problem.village.code.invalid");
        }
        return RegionScope.readable(caller, village != null && !village.isEmpty() ? village : within);
    }
}
