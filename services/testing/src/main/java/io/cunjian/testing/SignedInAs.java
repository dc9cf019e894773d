package io.cunjian.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every RestAssured request of the test class carries a token of this role for these regions
 * (signed by the run's key, see {@link Tokens}); a request may still name another caller with its
 * own Authorization header ({@link SignIn#bearer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SignedInAs.Callback.class)
public @interface SignedInAs {

    /** A role of the token contract, e.g. {@code district-admin}. */
    String role();

    String[] regions();

    class Callback implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            SignedInAs who = context.getRequiredTestClass().getAnnotation(SignedInAs.class);
            SignIn.as(Tokens.of(Tokens.claims(who.role(), null, who.regions())));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            SignIn.out();
        }
    }
}
