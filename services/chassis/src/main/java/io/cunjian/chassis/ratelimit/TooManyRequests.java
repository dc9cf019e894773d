package io.cunjian.chassis.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cunjian.chassis.problem.Messages;
import io.cunjian.chassis.problem.ProblemType;
import io.cunjian.chassis.problem.Problems;

/**
 * The 429 problem of a spent budget, the same from a REST operation and from a plain route. Besides the usual
 * members it names the spent policy in {@code violated-policies}, the member the draft's "quota-exceeded" problem
 * type defines, and {@code retryAfterSeconds} like the chassis' 503.
 */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Map<String, Object> body(Decision decision, String path, String acceptLanguage) {
        Locale locale = Messages.locale(acceptLanguage);
        ProblemType type = ProblemType.TOO_MANY_REQUESTS;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("violated-policies", List.of(decision.budget().policy()));
        members.put("retryAfterSeconds", decision.resetSeconds());
        return Problems.body(type.uri(), Messages.text(locale, type.titleKey()), type.status(),
                Messages.text(locale, "problem.too-many-requests.detail", decision.budget().policy(), decision.quota(),
                        decision.windowSeconds(), decision.resetSeconds()),
                path, List.of(), members);
    }
}
