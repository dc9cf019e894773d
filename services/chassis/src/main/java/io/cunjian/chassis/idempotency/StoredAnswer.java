package io.cunjian.chassis.idempotency;

import java.util.Map;

/** The first answer to a keyed request, as replayed to its repeats. {@code body} is the JSON text, or null. */
public record StoredAnswer(String requestHash, int status, Map<String, String> headers, String body) {
}
