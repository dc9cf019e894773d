package io.cunjian.testing;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that run services as separate processes ({@link PackagedService}) rather than inside
 * {@code @QuarkusTest}: {@code @ExtendWith(OwnInfrastructure.class)} gives the class real PostgreSQL
 * and a broker of its own (nothing else may stop it mid-test), with the configuration to hand the
 * processes in {@link RealInfrastructure#config()}.
 */
public class OwnInfrastructure implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnInfrastructure.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure infrastructure = new RealInfrastructure();
        infrastructure.init(Map.of("kafka", "own"));
        infrastructure.start();
        context.getStore(NAMESPACE).put(RealInfrastructure.class, infrastructure);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getStore(NAMESPACE).get(RealInfrastructure.class, RealInfrastructure.class).stop();
    }
}
