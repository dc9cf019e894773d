package io.cunjian.chassis.concurrency;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;

import io.cunjian.chassis.domain.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its entity version ({@code ETag: "7"}), and
 * updates must send it back in {@code If-Match}. The resource reads the header with {@link #expected} and
 * hands the {@link ExpectedVersion} to the use case, which checks it against the stored version before it
 * changes anything (428 without If-Match, 412 when stale). A change committed between the check and the
 * flush still fails the JPA {@code @Version} check; the chassis answers that with 412 as well.
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
