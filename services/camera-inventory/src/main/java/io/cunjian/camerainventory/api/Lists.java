package io.cunjian.camerainventory.api;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.problem.InvalidInputProblem;

/** The region codes a list is filtered by, checked as the client sent them. */
final class Lists {

    private Lists() {
    }

    /** 400 naming {@code within} or {@code village} when it is not a region or village code. */
    static void checkCodes(String within, String village) {
        if (within != null && !within.isEmpty() && !RegionCode.isValid(within)) {
            throw new InvalidInputProblem("within", "problem.region.code.invalid");
        }
        if (village != null && !village.isEmpty() && !RegionCode.isVillageCode(village)) {
            throw new InvalidInputProblem("village", "problem.village.code.invalid");
        }
    }
}
