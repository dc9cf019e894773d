package io.cunjian.workorders.api;

/** How free text arrives from forms: blank means not given, and surrounding spaces are not meant. */
final class Inputs {

    private Inputs() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String strippedOrNull(String s) {
        return blank(s) ? null : s.strip();
    }

    /** A query parameter sent empty ({@code ?category=}) filters nothing. */
    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
