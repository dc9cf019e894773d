package io.cunjian.chassis.concurrency;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;

import io.cunjian.chassis.domain.ExpectedVersion;

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
     * Checks an {@code If-Match} header against the current version: refuses with {@code VersionRequired}
     * (428) when it is missing and {@code VersionMismatch} (412) when it names no current version.
     * Comparison is strong (RFC 9110 §13.1.1): a weak tag never matches; {@code *} matches any.
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        expected(ifMatch).check(currentVersion);
    }

    /**
     * The version a change was made against, read from {@code If-Match} for the domain to check
     * ({@link ExpectedVersion#check}): none when the header is missing, any for {@code *}, else the versions
     * its strong tags name. Comparison is strong (RFC 9110 §13.1.1): a weak tag names no version.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.none();
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*")) {
                return ExpectedVersion.any();
            }
            if (candidate.matches("\"(0|[1-9][0-9]{0,17})\"")) {
                versions.add(Long.parseLong(candidate.substring(1, candidate.length() - 1)));
            }
        }
        return ExpectedVersion.oneOf(ifMatch.trim(), versions.stream().mapToLong(Long::longValue).toArray());
    }
}
