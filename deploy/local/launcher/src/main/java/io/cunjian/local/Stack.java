package io.cunjian.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.cunjian.infrastructure.KafkaCluster;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Prometheus;
import io.cunjian.infrastructure.TokenMinter;

/**
 * One instance of the whole system on this machine, as {@link StackSettings} place it: its state
 * folder (Kafka data, embedded PostgreSQL, logs, pids, the signing key pair), its services, its
 * broker and its database. The commands of {@code deploy/local/stack} ({@link StackCommandLine})
 * each act on one of these; the end-to-end suite drives its own instance through the public
 * methods here, so both go through the same code.
 */
public final class Stack {

    private final Path root;
    private final StackSettings settings;
    private final Path state;
    private final List<ServiceDescriptor> services;
    private final KafkaCluster kafka;
    private final StackDatabases databases;
    private final ServiceProcesses processes;
    private final Prometheus prometheus;

    /** The developer's stack ({@link StackSettings#standard}). */
    Stack(Path root) {
        this(root, StackSettings.standard(root.toAbsolutePath().normalize()));
    }

    public Stack(Path root, StackSettings settings) {
        this.root = root.toAbsolutePath().normalize();
        this.settings = settings;
        this.state = settings.state().toAbsolutePath();
        this.services = settings.services(this.root);
        // one node keeps its state where the one-broker stack always had it; three live beside it, apart
        this.kafka = KafkaCluster.of(state.resolve(settings.brokers() == 1 ? "kafka" : "kafka-cluster"),
                this.root.resolve("deploy/local/kafka-dist/target/lib"), settings.kafkaNodes(),
                settings.monitoring() == null ? null : settings.monitoring().brokerMetrics(this.root));
        // without monitoring asked for, still the one that may run (stop and status find it by its pid file)
        this.prometheus = new Prometheus(state.resolve("prometheus"),
                (settings.monitoring() != null ? settings.monitoring() : Monitoring.standard(this.root)).prometheus());
        this.databases = new StackDatabases(this);
        this.processes = new ServiceProcesses(this);
    }

    // ---- the whole instance -----------------------------------------------------------------

    /** Starts what is not running yet (see {@link StartCommand}); 0 when everything is ready. */
    public int start(boolean forceEmbedded) throws Exception {
        return new StartCommand().start(this, new StartCommand.Options(forceEmbedded, true));
    }

    /** Stops everything this instance started (see {@link StopCommand}). */
    public int stop() {
        return new StopCommand().stop(this);
    }

    // ---- where things are -------------------------------------------------------------------

    Path root() {
        return root;
    }

    StackSettings settings() {
        return settings;
    }

    Path state() {
        return state;
    }

    StackDatabases databases() {
        return databases;
    }

    ServiceProcesses serviceProcesses() {
        return processes;
    }

    public List<ServiceDescriptor> services() {
        return services;
    }

    public ServiceDescriptor service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    /** The instance's Prometheus (it runs when the instance was started with monitoring). */
    public Prometheus prometheus() {
        return prometheus;
    }

    /** The PostgreSQL server the running instance uses. */
    public Postgres.Server database() {
        return databases.recorded().orElseThrow(() -> new IllegalStateException("the stack has not been started"));
    }

    /** Where {@code start} remembers how many Kafka nodes it started, for the commands after it. */
    static Path brokersFile(Path state) {
        return state.resolve("kafka-brokers");
    }

    /** Where {@code start} remembers whether it started monitoring ({@code on} or {@code off}). */
    static Path monitoringFile(Path state) {
        return state.resolve("monitoring");
    }

    /** The stack's signing key pair, created by the first {@code start} or {@code token}. */
    Path keys() {
        return state.resolve("keys");
    }

    /** The key the instance's services trust: tokens signed with it are valid there. */
    public PrivateKey signingKey() {
        return TokenMinter.ensureKeyPair(keys()).getPrivate();
    }

    /** A token the instance's services accept, for the stack's own calls (seeds, smoke, rebuild). */
    String token(String subject, String role, List<String> regions, String contractorId, Duration ttl) {
        return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, subject, List.of(role), regions,
                contractorId, ttl), signingKey());
    }

    /** The seed loader for this instance's services, signing its calls with the stack's key. */
    Seeds seeds() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.name(), s.baseUrl()));
        Seeds.TokenSource tokens = new Seeds.TokenSource() {
            @Override
            public String districtAdmin() {
                return token("seed-loader", "district-admin", List.of("22"), null, Duration.ofMinutes(10));
            }

            @Override
            public String contractor(String contractorId) {
                return token("seed-" + contractorId, "contractor", List.of("22"), contractorId, Duration.ofMinutes(10));
            }

            @Override
            public String device(String region) {
                return token("seed-device", "device", List.of(region), null, Duration.ofMinutes(10));
            }
        };
        return new Seeds(root.resolve("seeds"), urls, tokens);
    }

    /** Loads {@code seeds/} into this instance's services (what {@code start} does when its settings say so). */
    public Seeds.Report loadSeeds() throws IOException, InterruptedException {
        return seeds().load();
    }

    // ---- the seeded cameras' gateway (DeviceSimulator) ------------------------------------------

    private Path deviceSimulatorPidFile() {
        return state.resolve("pids/device-simulator.pid");
    }

    public Optional<ProcessHandle> deviceSimulator() {
        return Processes.alive(deviceSimulatorPidFile());
    }

    /**
     * How often the simulator beats: four times per online window (the services' environment may
     * shorten the window), so that one lost heartbeat never takes a camera off line.
     */
    Duration deviceSimulatorInterval() {
        Duration window = Duration.parse(settings.environment().getOrDefault("CUNJIAN_CAMERAS_ONLINE_WINDOW", "PT2M"));
        return window.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : window.dividedBy(4);
    }

    /** Starts the simulated camera gateway as a process of its own (its pid file makes {@code stop} end it too). */
    public long startDeviceSimulator() {
        long pid = Processes.startDetached(List.of(Processes.javaBin(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                DeviceSimulator.class.getName(), service("camera-inventory").baseUrl(),
                root.resolve("seeds/camera-inventory.json").toString(), Long.toString(deviceSimulatorInterval().toMillis())),
                Map.of(), root, state.resolve("logs/device-simulator.log"));
        Processes.writePid(deviceSimulatorPidFile(), pid);
        return pid;
    }

    /** True when it was running. */
    public boolean stopDeviceSimulator() {
        return Processes.stop(deviceSimulatorPidFile(), Duration.ofSeconds(10));
    }

    // ---- one process at a time (for the end-to-end suite's faults and scale-out) ------------

    /**
     * Starts {@code s} (a service of {@link #services()}, or another instance of one: same module and
     * database, its own name and port) and waits until it is ready; returns its pid.
     */
    public long startService(ServiceDescriptor s, Duration timeout) {
        long pid = processes.launch(s, database());
        if (!processes.awaitReady(s, timeout)) {
            throw new IllegalStateException(s.name() + " did not become ready within " + timeout);
        }
        return pid;
    }

    /** {@code kill -9} of the service's process: no shutdown hook, nothing flushed. */
    public void killService(ServiceDescriptor s) {
        processes.alive(s).ifPresent(h -> {
            h.destroyForcibly();
            Processes.await(Duration.ofSeconds(10), () -> !h.isAlive());
        });
    }

    /** Stops the service gracefully (SIGTERM, then SIGKILL after 20 s). */
    public boolean stopService(ServiceDescriptor s) {
        return processes.stop(s);
    }

    public Optional<ProcessHandle> process(ServiceDescriptor s) {
        return processes.alive(s);
    }

    /** Every process of this instance that runs now: services (all instances), the broker, Prometheus, an embedded PostgreSQL. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        pidFiles().forEach(pid -> Processes.alive(pid).ifPresent(all::add));
        all.addAll(kafka.running());
        prometheus.running().ifPresent(all::add);
        databases.embeddedServer().ifPresent(all::add);
        return all;
    }

    public Path logFile(ServiceDescriptor s) {
        return processes.logFile(s);
    }

    /** The pid files of every service instance started, sorted by name (the standard ones and any started beside them). */
    List<Path> pidFiles() {
        Path dir = state.resolve("pids");
        try (Stream<Path> pids = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return pids.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of the stack's output: who, then what happened to it, in a column. */
    static void say(String who, String what) {
        System.out.printf("%-17s %s%n", who, what);
    }
}
