package io.cunjian.villageprojects.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A statistical division code at its own length (docs/design.md, "Codes, regions and scoping"): province 2 digits, city 4,
 * county/district 6, township 9, village 12 — never zero-padded. A region's parent is the prefix
 * of the level above, so "may act in 220303" means "the code starts with 220303".
 */
public record RegionCode(String value) {

    public enum Level {
        PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

        public final int length;

        Level(int length) {
            this.length = length;
        }

        static Optional<Level> ofLength(int length) {
            return Arrays.stream(values()).filter(l -> l.length == length).findFirst();
        }
    }

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a region code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]+") && Level.ofLength(value.length()).isPresent();
    }

    public Level level() {
        return Level.ofLength(value.length()).orElseThrow();
    }

    public Optional<RegionCode> parent() {
        Level level = level();
        return level == Level.PROVINCE ? Optional.empty()
                : Optional.of(new RegionCode(value.substring(0, Level.values()[level.ordinal() - 1].length)));
    }

    public boolean within(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
