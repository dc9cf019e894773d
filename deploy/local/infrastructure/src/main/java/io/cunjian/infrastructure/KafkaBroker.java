package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Apache Kafka node in KRaft mode (broker and controller in one JVM), run from the jars that
 * {@code deploy/local/kafka-dist} copies from Maven Central. All its state lives in {@code home}.
 * Alone it is its own quorum ({@code --standalone}); in a {@link KafkaCluster} it is one of the
 * cluster's fixed voters and the internal topics are replicated like the cluster's own topics.
 */
public final class KafkaBroker {

    private static final String READY_LINE = "Kafka Server started";

    private final Path home;
    private final Path libDir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    /** {@code id@host:port,...} of every controller of the cluster; null for a node that is alone. */
    private final String voters;
    private final int replicas;
    /** {@code -javaagent:...} of the JMX exporter, made when the node starts; null for a node without one. */
    private final java.util.function.Supplier<String> javaAgent;

    /** A node alone: its own controller quorum, every internal topic with one copy. */
    public KafkaBroker(Path home, Path libDir, int port, int controllerPort) {
        this(home, libDir, 1, port, controllerPort, null, 1, null);
    }

    KafkaBroker(Path home, Path libDir, int nodeId, int port, int controllerPort, String voters, int replicas,
            java.util.function.Supplier<String> javaAgent) {
        this.home = home.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters;
        this.replicas = replicas;
        this.javaAgent = javaAgent;
    }

    public int nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    /**
     * The broker jars of {@code deploy/local/kafka-dist}, found from {@code cunjian.root} (set by
     * the build and the stack script) or by walking up from the working directory.
     */
    public static Path defaultLibDir() {
        Path relative = Path.of("deploy/local/kafka-dist/target/lib");
        String root = System.getProperty("cunjian.root");
        if (root != null && Files.isDirectory(Path.of(root).resolve(relative))) {
            return Path.of(root).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("Kafka jars (" + relative + ") not found: build the project first (./mvnw -DskipTests package)");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path log() {
        return home.resolve("kafka.log");
    }

    private Path pidFile() {
        return home.resolve("kafka.pid");
    }

    public Optional<ProcessHandle> running() {
        return Processes.alive(pidFile());
    }

    /** Starts the broker unless it already runs, and waits until it says it has started. */
    public long start(Duration timeout) {
        long pid = launch(null);
        awaitStarted(pid, timeout);
        return pid;
    }

    /**
     * Starts the JVM unless it already runs, without waiting: the nodes of a cluster must all be
     * starting before any of them can finish (each waits for a quorum of controllers).
     * {@code clusterId} formats empty storage; null formats a node alone with a new id.
     */
    long launch(String clusterId) {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            return existing.get().pid();
        }
        if (!Files.isDirectory(libDir)) {
            throw new IllegalStateException("Kafka jars not found in " + libDir + ": build first (./mvnw -DskipTests package)");
        }
        Path config = writeConfig();
        formatStorageOnce(config, clusterId);
        List<String> command = new java.util.ArrayList<>(List.of(Processes.javaBin(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC"));
        if (javaAgent != null) {
            command.add(javaAgent.get());
        }
        command.addAll(List.of("-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", libDir + "/*", "kafka.Kafka", config.toString()));
        long pid = Processes.startDetached(command, Map.of(), home, log());
        Processes.writePid(pidFile(), pid);
        return pid;
    }

    /** Waits until the node says it has started; stops it and fails with its log's end otherwise. */
    void awaitStarted(long pid, Duration timeout) {
        boolean ready = Processes.await(timeout, () -> Processes.logContains(log(), READY_LINE)
                || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        if (!ready || !Processes.logContains(log(), READY_LINE)) {
            Processes.stop(pidFile(), Duration.ofSeconds(5));
            throw new IllegalStateException("Kafka did not start within " + timeout + "; last lines of " + log()
                    + ":\n" + Processes.tail(log(), 30));
        }
    }

    public boolean stop() {
        return Processes.stop(pidFile(), Duration.ofSeconds(30));
    }

    /** Whether the broker has storage (formatted, with whatever it holds). */
    public boolean hasStorage() {
        return Files.exists(home.resolve("data").resolve("meta.properties"));
    }

    /**
     * The id of this broker's cluster, formatting its storage first if it has none: what the
     * stack's databases are marked with, so that it is known which databases and which topics belong together.
     */
    public String clusterId() {
        formatStorageOnce(writeConfig(), null);
        return formattedClusterId();
    }

    /** The cluster id in this node's storage, formatting it with {@code clusterId} if it has none. */
    String clusterId(String clusterId) {
        formatStorageOnce(writeConfig(), clusterId);
        return formattedClusterId();
    }

    private String formattedClusterId() {
        Properties meta = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("data").resolve("meta.properties"))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }

    /** Deletes every topic, record and consumer offset: the broker starts as a new cluster next time. */
    public void wipe() {
        if (running().isPresent()) {
            throw new IllegalStateException("Kafka runs (pid " + running().get().pid() + "): stop the stack first");
        }
        Path data = home.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (var paths = Files.walk(data)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + data, e);
        }
    }

    /** Stops the broker at once, as a crash would (for fault tests). */
    public void kill() {
        running().ifPresent(ProcessHandle::destroyForcibly);
        Processes.await(Duration.ofSeconds(10), () -> running().isEmpty());
    }

    public Admin admin() {
        return admin(bootstrapServers());
    }

    public static Admin admin(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(p);
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(home.resolve("data"));
            Path config = home.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + nodeId,
                    voters == null ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort
                            : "controller.quorum.voters=" + voters,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + home.resolve("data"),
                    "num.partitions=1",
                    // Topics are created by the stack with their settings; a typo must fail, not create.
                    "auto.create.topics.enable=false",
                    // Consumer offsets and transaction state are as safe as the events themselves:
                    // as many copies as the cluster's topics, a write needs all but one of them.
                    "offsets.topic.replication.factor=" + replicas,
                    "transaction.state.log.replication.factor=" + replicas,
                    "transaction.state.log.min.isr=" + minInsyncReplicas(replicas),
                    "share.coordinator.state.topic.replication.factor=" + replicas,
                    "share.coordinator.state.topic.min.isr=" + minInsyncReplicas(replicas),
                    "default.replication.factor=" + replicas,
                    "min.insync.replicas=" + minInsyncReplicas(replicas),
                    // a replica that missed writes never becomes leader: losing availability beats losing events
                    "unclean.leader.election.enable=false",
                    "group.initial.rebalance.delay.ms=0",
                    "log.retention.ms=-1",
                    ""));
            Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                    "status=warn",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    "logger.kafka.name=kafka",
                    "logger.kafka.level=INFO",
                    "logger.apache.name=org.apache.kafka",
                    "logger.apache.level=WARN",
                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a write needs before it is acknowledged: all but one when there are three or more. */
    public static int minInsyncReplicas(int replicas) {
        return replicas >= 3 ? replicas - 1 : 1;
    }

    private void formatStorageOnce(Path config, String clusterId) {
        if (hasStorage()) {
            return;
        }
        List<String> command = new java.util.ArrayList<>(List.of(Processes.javaBin(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", libDir + "/*", "kafka.tools.StorageTool", "format",
                "-t", clusterId != null ? clusterId : org.apache.kafka.common.Uuid.randomUuid().toString(),
                "-c", config.toString()));
        if (voters == null) {
            command.add("--standalone"); // a quorum of one; a cluster's nodes share the fixed voters of their configuration
        }
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("format.log").toFile())
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed:\n"
                        + Processes.tail(home.resolve("format.log"), 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
