package io.cunjian.chassis.concurrency;

import jakarta.ws.rs.core.EntityTag;

import io.cunjian.chassis.problem.PreconditionFailed;
import io.cunjian.chassis.problem.PreconditionRequired;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its entity version ({@code ETag: "7"}), and
 * updates must send it back in {@code If-Match}.
 *
 * <pre>
 * &#64;GET &#64;Path("{code}")
 * public Response get(String code) {
 *     Village v = find(code);
 *     return Response.ok(VillageView.of(v)).tag(ETags.of(v.version)).build();
 * }
 *
 * &#64;PUT &#64;Path("{code}") &#64;Transactional
 * public Response update(String code, &#64;HeaderParam("If-Match") String ifMatch, &#64;Valid VillageUpdate body) {
 *     Village v = find(code);
 *     ETags.requireIfMatch(ifMatch, v.version);   // 428 without If-Match, 412 when stale
 *     v.apply(body);
 *     v.flush();                                   // the new @Version is known only after the flush
 *     return Response.ok(VillageView.of(v)).tag(ETags.of(v.version)).build();
 * }
 * </pre>
 * A change committed between the check and the flush still fails the JPA {@code @Version} check; the
 * chassis answers that with 412 as well.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The header value, quotes included: {@code "7"}. */
    public static String header(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an {@code If-Match} header against the current version: throws {@link PreconditionRequired}
     * (428) when it is missing and {@link PreconditionFailed} (412) when it names no current version.
     * Comparison is strong (RFC 9110 §13.1.1): a weak tag never matches; {@code *} matches any.
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String current = header(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailed(ifMatch.trim(), current);
    }
}
