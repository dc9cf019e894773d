package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka of one stack: one node (fast to start, one copy of everything) or three nodes on this
 * machine, each broker and controller at once, the three the fixed voters of the controller quorum.
 * With three, every topic keeps three copies and a write needs two of them, so any one node can
 * die without losing an acknowledged event or stopping writes.
 */
public final class KafkaCluster {

    /** A node's client port and controller port. */
    public record Ports(int port, int controllerPort) {
    }

    private final Path home;
    private final List<KafkaBroker> nodes;

    private KafkaCluster(Path home, List<KafkaBroker> nodes) {
        this.home = home.toAbsolutePath();
        this.nodes = List.copyOf(nodes);
    }

    /** One node, its state directly in {@code home} (where the one-broker stack always kept it). */
    public static KafkaCluster single(Path home, Path libDir, Ports ports) {
        return new KafkaCluster(home, List.of(new KafkaBroker(home, libDir, ports.port(), ports.controllerPort())));
    }

    /** A node per entry of {@code ports}, ids 1, 2, 3…, each in {@code home/broker-<id>}. */
    public static KafkaCluster of(Path home, Path libDir, List<Ports> ports) {
        return of(home, libDir, ports, null);
    }

    /** The same, each node with the JMX exporter agent of {@code metrics} (null: without). */
    public static KafkaCluster of(Path home, Path libDir, List<Ports> ports, BrokerMetrics metrics) {
        if (ports.size() == 1) {
            return new KafkaCluster(home, List.of(new KafkaBroker(home, libDir, 1, ports.get(0).port(),
                    ports.get(0).controllerPort(), null, 1, metrics == null ? null : () -> metrics.javaAgent(0, home))));
        }
        String voters = "";
        for (int i = 0; i < ports.size(); i++) {
            voters += (i == 0 ? "" : ",") + (i + 1) + "@127.0.0.1:" + ports.get(i).controllerPort();
        }
        int replicas = Math.min(3, ports.size());
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            Path nodeHome = home.resolve("broker-" + (i + 1));
            int index = i;
            nodes.add(new KafkaBroker(nodeHome, libDir, i + 1, ports.get(i).port(), ports.get(i).controllerPort(),
                    voters, replicas, metrics == null ? null : () -> metrics.javaAgent(index, nodeHome)));
        }
        return new KafkaCluster(home, nodes);
    }

    public List<KafkaBroker> nodes() {
        return nodes;
    }

    public KafkaBroker node(int id) {
        return nodes.stream().filter(n -> n.nodeId() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + id));
    }

    /** Copies of each partition: one per node, at most three. */
    public int replicationFactor() {
        return Math.min(3, nodes.size());
    }

    public int minInsyncReplicas() {
        return KafkaBroker.minInsyncReplicas(replicationFactor());
    }

    /** Every node: a client that finds one of them down still finds the cluster. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The processes of the nodes that run now. */
    public List<ProcessHandle> running() {
        return nodes.stream().map(KafkaBroker::running).flatMap(Optional::stream).toList();
    }

    /** Starts the nodes not running yet, all before waiting for any; returns every node's pid. */
    public List<Long> start(Duration timeout) {
        if (nodes.size() == 1) {
            return List.of(nodes.get(0).start(timeout));
        }
        String id = clusterId();
        List<Long> pids = new ArrayList<>();
        for (KafkaBroker node : nodes) {
            pids.add(node.launch(id));
        }
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).awaitStarted(pids.get(i), timeout);
        }
        return pids;
    }

    /** Stops every node; true when one of them was running. */
    public boolean stop() {
        boolean any = false;
        for (KafkaBroker node : nodes) {
            any |= node.stop();
        }
        return any;
    }

    /** {@code kill -9} of every node, as a power cut would. */
    public void kill() {
        nodes.forEach(KafkaBroker::kill);
    }

    public boolean hasStorage() {
        return nodes.stream().anyMatch(KafkaBroker::hasStorage);
    }

    /**
     * The cluster's id, formatting empty storage first. The nodes of a cluster must share it, so
     * it is kept in {@code home/cluster.id} from the first format on.
     */
    public String clusterId() {
        if (nodes.size() == 1) {
            return nodes.get(0).clusterId();
        }
        try {
            Path file = home.resolve("cluster.id");
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                Files.writeString(file, Uuid.randomUuid().toString());
            }
            String id = Files.readString(file).strip();
            nodes.forEach(n -> n.clusterId(id));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every topic, record and offset on every node: a new cluster next time. */
    public void wipe() {
        nodes.forEach(KafkaBroker::wipe);
        try {
            Files.deleteIfExists(home.resolve("cluster.id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Admin admin() {
        return KafkaBroker.admin(bootstrapServers());
    }
}
