package io.cunjian.community.api;

import java.util.UUID;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;

/** Ids and codes in paths and queries. */
final class Ids {

    private Ids() {
    }

    /** Anything that is not an id names nothing here: 404 (as an id of another region would not be told apart). */
    static UUID parse(String id, String notFoundKey) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem(notFoundKey, id);
        }
    }

    /** A village code of a path or query (null or empty stays null): 400 naming {@code field} when it is not one. */
    static String village(String field, String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (!RegionCode.isVillageCode(code)) {
            throw new InvalidInputProblem(field, "problem.village.code.invalid");
        }
        return code;
    }
}
