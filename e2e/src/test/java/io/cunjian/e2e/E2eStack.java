package io.cunjian.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.local.ServiceDescriptor;
import io.cunjian.local.Stack;
import io.cunjian.local.StackSettings;

/**
 * The suite's own instance of the stack ({@link StackSettings#isolated}): free ports, state in
 * {@code e2e/target/stack-<time>}, databases {@code cunjian_e2e_*} made afresh, the four packaged
 * services as separate processes, a real broker. One instance serves every test class of a run
 * (JUnit closes it when the run ends, also after a failure); a JVM shutdown hook stops it if the
 * run is interrupted. Closing kills whatever it started and fails if a process outlived that.
 */
public final class E2eStack implements AutoCloseable {

    public static final String DATABASE_PREFIX = "cunjian_e2e_";
    /** Short camera window so "off line" is seconds, not the production two minutes. */
    public static final Duration CAMERA_WINDOW = Duration.ofSeconds(10);

    private final Path root;
    private final Stack stack;
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    private final Map<String, ServiceDescriptor> extra = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private final Api api;
    private final Callers callers;
    private boolean closed;

    private E2eStack(Path root, Stack stack) {
        this.root = root;
        this.stack = stack;
        this.shutdownHook = new Thread(this::stopQuietly, "e2e-stack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.callers = new Callers(stack.signingKey());
        Map<String, String> urls = new LinkedHashMap<>();
        stack.services().forEach(s -> urls.put(s.name(), s.baseUrl()));
        this.api = new Api(urls, new Ledger());
    }

    public static Path root() {
        return Path.of(System.getProperty("cunjian.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * {@code cunjian_e2e_<checkout>_}: the suffix (a hash of the checkout's path, as the services' test
     * databases have) keeps two checkouts on one machine from dropping each other's databases.
     */
    static String databasePrefix(Path root) {
        return DATABASE_PREFIX + Integer.toHexString(root.toString().hashCode() & 0xffffff) + "_";
    }

    /** Kafka nodes of the shared instance: {@code -De2e.brokers=3} runs the whole suite on three. */
    public static final int BROKERS = Integer.getInteger("e2e.brokers", 1);

    public static E2eStack start() throws Exception {
        return start(BROKERS);
    }

    /** An instance with {@code brokers} Kafka nodes; the caller closes it. */
    public static E2eStack start(int brokers) throws Exception {
        return start(brokers, settings -> settings);
    }

    /** An instance of its own with {@code brokers} Kafka nodes and its settings changed by {@code adjust} (e.g. monitoring); the caller closes it. */
    public static E2eStack start(int brokers, java.util.function.UnaryOperator<StackSettings> adjust) throws Exception {
        Path root = root();
        Path state = root.resolve("e2e/target/stack-" + System.currentTimeMillis());
        StackSettings settings = StackSettings.isolated(root, state, databasePrefix(root)).withEnvironment(Map.of(
                "CUNJIAN_CAMERAS_ONLINE_WINDOW", CAMERA_WINDOW.toString(),
                "CUNJIAN_CAMERAS_SWEEP_EVERY", "1s",
                // the machine's PostgreSQL (max_connections 100) is shared with other builds: 8 per service is plenty on 2 cores
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8")).withBrokers(brokers);
        settings = adjust.apply(settings);
        E2eStack e2e = new E2eStack(root, new Stack(root, settings));
        long t0 = System.nanoTime();
        try {
            if (e2e.stack.start(Postgres.embeddedForced()) != 0) {
                throw new IllegalStateException("the e2e stack did not start; logs in " + state.resolve("logs"));
            }
        } catch (Exception | Error e) {
            e2e.close();
            throw e;
        }
        e2e.recordPids();
        System.out.printf("E2E stack up in %.1f s (state %s)%n", (System.nanoTime() - t0) / 1e9, state);
        return e2e;
    }

    private void recordPids() {
        stack.processes().forEach(h -> started.add(h.pid()));
    }

    public Api api() {
        return api;
    }

    public Callers callers() {
        return callers;
    }

    public Stack stack() {
        return stack;
    }

    public ServiceDescriptor service(String name) {
        return extra.containsKey(name) ? extra.get(name) : stack.service(name);
    }

    /** {@code kill -9} of a service; {@link #restart} brings the same jar back on the same database. */
    public void kill(String service) {
        stack.killService(service(service));
    }

    public void restart(String service) {
        started.add(stack.startService(service(service), Duration.ofSeconds(120)));
    }

    public void killBroker() {
        stack.kafka().kill();
    }

    public void startBroker() {
        started.addAll(stack.kafka().start(Duration.ofSeconds(90)));
    }

    /** {@code kill -9} of one Kafka node; the others carry on. */
    public void killBroker(int nodeId) {
        stack.kafka().node(nodeId).kill();
    }

    /** Starts the node again on its own data; it catches up from the others. */
    public void startBroker(int nodeId) {
        started.add(stack.kafka().node(nodeId).start(Duration.ofSeconds(90)));
    }

    /** A second instance of a service on the same database and broker, on a port of its own. */
    public ServiceDescriptor startSecondInstance(String service) {
        return startInstance(service, 2);
    }

    /**
     * Instance {@code n} of a service: 1 is the stack's own; others run on the same database and
     * broker (one consumer group) on a port of their own, named {@code <service>-<n>}.
     */
    public ServiceDescriptor startInstance(String service, int n) {
        ServiceDescriptor first = stack.service(service);
        ServiceDescriptor instance = n == 1 ? first : extra.computeIfAbsent(service + "-" + n,
                name -> new ServiceDescriptor(name, first.module(), Processes.freePort(), first.database()));
        started.add(stack.startService(instance, Duration.ofSeconds(180)));
        return instance;
    }

    /** Stops an instance gracefully (it leaves its consumer group at once); a later {@link #startInstance} brings it back. */
    public void stopInstance(ServiceDescriptor instance) {
        stack.stopService(instance);
    }

    public Postgres.Server database() {
        return stack.database();
    }

    public Path rootDir() {
        return root;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is running
        }
        stopQuietly();
        List<String> left = new ArrayList<>();
        for (long pid : started) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                left.add(pid + " " + h.info().commandLine().orElse("?"));
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("stop left processes behind (now killed): " + left);
        }
        System.out.println("E2E stack stopped; no process left behind (" + started.size() + " started in all)");
    }

    private void stopQuietly() {
        try {
            recordPids();
        } catch (RuntimeException ignored) {
            // not started far enough to have pids
        }
        try {
            stack.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping the e2e stack: " + e);
        }
    }

    /** JUnit: one stack per run, shared by the test classes, closed when the run ends. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        static E2eStack get(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(E2eStack.class, k -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, E2eStack.class);
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == E2eStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return get(c);
        }
    }
}
