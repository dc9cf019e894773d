package io.cunjian.chassis.security;

/**
 * A named access rule, a pure function of the caller and the target, so it is unit-tested without
 * Quarkus. Apply it with {@link Caller#require(Policy, Object)}. The common ones are in {@link Policies}.
 */
public interface Policy<T> {

    String name();

    Decision decide(Caller caller, T target);

    static <T> Policy<T> named(String name, java.util.function.BiFunction<Caller, T, Decision> rule) {
        return new Policy<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(Caller caller, T target) {
                return rule.apply(caller, target);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
