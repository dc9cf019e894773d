package io.cunjian.workorders.domain;

import java.math.BigDecimal;

/** Quantities are decimals in the category's unit, with at most 3 decimals. */
public final class Quantities {

    public static final int SCALE = 3;

    private Quantities() {
    }

    /** The same amount without trailing zeros and never in exponent form (80.000 → 80, not 8E+1). */
    public static BigDecimal normalize(BigDecimal q) {
        if (q == null) {
            return null;
        }
        BigDecimal stripped = q.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
