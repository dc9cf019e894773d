package io.cunjian.chassis.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A region's statistical division code, the one definition every service uses: province 2 digits, city 4,
 * county or district 6, township 9, village 12. A code starts with the code of every region above it, so
 * "within 220303" is a prefix test and a village's township is its first 9 digits — no look-up needed.
 */
public record RegionCode(String value) {

    /** A village's code, for Bean Validation's {@code @Pattern} (matched against the whole value). */
    public static final String VILLAGE_PATTERN = "[0-9]{12}";
    /** The same, anchored, where the pattern is also read as JSON Schema (which matches anywhere). */
    public static final String VILLAGE_PATTERN_ANCHORED = "^" + VILLAGE_PATTERN + "$";
    /** A region above the villages: province, city, county/district or township. */
    public static final String REGION_ABOVE_VILLAGE_PATTERN = "[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}";

    public static final int TOWNSHIP_LENGTH = 9;
    public static final int VILLAGE_LENGTH = 12;
    private static final Set<Integer> LENGTHS = Set.of(2, 4, 6, TOWNSHIP_LENGTH, VILLAGE_LENGTH);

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a region code: " + value);
        }
    }

    /** The code when {@code text} is one, else empty. */
    public static Optional<RegionCode> parse(String text) {
        return isValid(text) ? Optional.of(new RegionCode(text)) : Optional.empty();
    }

    public static boolean isValid(String code) {
        return code != null && LENGTHS.contains(code.length()) && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public static boolean isVillageCode(String code) {
        return isValid(code) && code.length() == VILLAGE_LENGTH;
    }

    /** A region that holds villages: anything but a village. */
    public static boolean isRegionAboveVillage(String code) {
        return isValid(code) && code.length() < VILLAGE_LENGTH;
    }

    /** The township a village or township code lies in (its first 9 digits). */
    public static String townshipOf(String code) {
        if (!isValid(code) || code.length() < TOWNSHIP_LENGTH) {
            throw new IllegalArgumentException("no township in region code: " + code);
        }
        return code.substring(0, TOWNSHIP_LENGTH);
    }

    /**
     * Whether a holder of any of {@code granted} may act on {@code target}. Only well-formed codes count:
     * an empty or odd grant must never match everything.
     */
    public static boolean anyCovers(Collection<String> granted, String target) {
        return isValid(target) && granted.stream().anyMatch(g -> isValid(g) && target.startsWith(g));
    }

    public boolean isVillage() {
        return value.length() == VILLAGE_LENGTH;
    }

    /** The administrative level: province (2 digits), city (4), county (6), township (9) or village (12). */
    public String level() {
        return switch (value.length()) {
            case 2 -> "province";
            case 4 -> "city";
            case 6 -> "county";
            case TOWNSHIP_LENGTH -> "township";
            default -> "village";
        };
    }

    public RegionCode township() {
        return new RegionCode(townshipOf(value));
    }

    /** Whether {@code other} is this region or lies within it. */
    public boolean covers(RegionCode other) {
        return other.value.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
