package io.cunjian.camerainventory.domain;

import io.cunjian.chassis.domain.InvalidInput;

/** A true/false list filter as a client sends it. */
public final class Flag {

    private Flag() {
    }

    /**
     * Null when absent; anything other than {@code true} or {@code false} is refused naming {@code name}
     * ({@code Boolean.valueOf} would read it as false).
     */
    public static Boolean parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInput(name, "problem.flag.invalid");
        }
        return Boolean.valueOf(value);
    }
}
