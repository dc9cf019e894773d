package io.cunjian.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app under test as the local stack runs it for the web pages: development mode and the development sign-in on,
 * signing with this run's key ({@link Tokens}), so a browser test can sign in through the page.
 * Use {@code @TestProfile(DevSignInProfile.class)}; every browser test class of a module uses the
 * same one, so Quarkus starts the app once for them.
 */
public class DevSignInProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // the sign-in hands out tokens to anyone: a service allows it only in development mode, as the local stack starts it
        return Map.of("cunjian.dev-sign-in.enabled", "true", "cunjian.dev-sign-in.key-location", Tokens.privateKeyLocation(),
                "cunjian.auth.development-mode", "true");
    }
}
