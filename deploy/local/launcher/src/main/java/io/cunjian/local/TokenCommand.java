package io.cunjian.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.infrastructure.TokenMinter;

/**
 * {@code token}: a bearer token signed with the stack's key, for calling the APIs by hand. It
 * prints only the token, so that {@code TOKEN=$(deploy/local/stack token ...)} works; every
 * mistake in the options is a usage error (exit 2) naming the option, never a token the services
 * would refuse later.
 */
final class TokenCommand implements StackCommand {

    private static final List<String> OPTIONS = List.of("--role", "--regions", "--contractor", "--sub", "--ttl", "--keys");
    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");

    @Override
    public int run(Stack stack, List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!OPTIONS.contains(name) || i + 1 == args.size()) {
                return usageError("unknown option or missing value: " + name);
            }
            o.merge(name, args.get(++i), (a, b) -> a + "," + b);
        }
        List<String> roles = split(o.get("--role"));
        List<String> regions = split(o.get("--regions"));
        String contractor = o.get("--contractor");
        if (roles.isEmpty() || !TokenMinter.ROLES.containsAll(roles)) {
            return usageError("--role must be one or more of " + TokenMinter.ROLES + ", got " + roles);
        }
        if (regions.isEmpty() || !regions.stream().allMatch(RegionCode::isValid)) {
            return usageError("--regions must be region codes of 2, 4, 6, 9 or 12 digits, e.g. 220303; got " + regions);
        }
        if (roles.contains("contractor") != (contractor != null)) {
            return usageError("--contractor <unified social credit code> goes with --role contractor, and only with it");
        }
        if (contractor != null && !contractor.matches("[0-9A-Z]{18}")) {
            return usageError("--contractor must be an 18-character unified social credit code, got " + contractor);
        }
        Duration ttl;
        try {
            ttl = parseTtl(o.getOrDefault("--ttl", "8h"));
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        Path keyDir = o.containsKey("--keys") ? Path.of(o.get("--keys")).toAbsolutePath() : stack.keys();
        TokenMinter.Claims claims = TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER,
                o.getOrDefault("--sub", "local-" + roles.get(0)), roles, regions, contractor, ttl);
        System.out.println(TokenMinter.sign(claims, TokenMinter.ensureKeyPair(keyDir).getPrivate()));
        return 0;
    }

    static Duration parseTtl(String ttl) {
        Matcher m = TTL.matcher(ttl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl must look like 90s, 30m, 8h or 7d; got " + ttl);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : List.of(csv.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static int usageError(String message) {
        System.err.println("token: " + message + " (deploy/local/stack help)");
        return 2;
    }
}
