package io.cunjian.e2e.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CPU budget per process: a cgroup (v1 {@code cpu} controller) of its own with a CFS quota, e.g.
 * 0.5 CPU = 50 ms of every 100 ms, so that each instance of a service gets the same share whatever
 * else runs on the machine and adding an instance adds CPU. Needs root and cgroup v1; where either
 * is missing the processes run without a budget and {@link #active()} says so (the figures beside
 * each run then include the contention). Closing moves the processes back and removes the groups.
 */
final class CpuBudget implements AutoCloseable {

    static final Path CPU_CONTROLLER = Path.of("/sys/fs/cgroup/cpu");
    private static final long PERIOD_MICROS = 100_000;

    private final double cpus;
    private final String prefix;
    private final List<Path> groups = new ArrayList<>();

    CpuBudget(double cpus) {
        this.cpus = cpus;
        this.prefix = "cunjian-e2e-" + ProcessHandle.current().pid() + "-";
    }

    /** True when processes can be given a quota here (cgroup v1 cpu controller, writable). */
    boolean active() {
        return cpus > 0 && Files.isWritable(CPU_CONTROLLER.resolve("cgroup.procs"));
    }

    double cpus() {
        return cpus;
    }

    /** Puts the process (all its threads, and those it starts later) under a quota of its own. */
    void limit(String name, long pid) {
        if (!active()) {
            return;
        }
        Path group = CPU_CONTROLLER.resolve(prefix + name);
        try {
            Files.createDirectories(group);
            Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(cpus * PERIOD_MICROS)));
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + name + " (" + pid + ") under a CPU quota in " + group, e);
        }
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    /** Seconds the processes of every group waited for their quota so far (cpu.stat throttled_time). */
    double throttledSeconds() {
        double s = 0;
        for (Path g : groups) {
            try {
                for (String line : Files.readAllLines(g.resolve("cpu.stat"))) {
                    if (line.startsWith("throttled_time ")) {
                        s += Long.parseLong(line.substring(15).trim()) / 1e9;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // a group removed meanwhile counts nothing
            }
        }
        return s;
    }

    /** CPU seconds a process has used since it started (user + system, from /proc). */
    static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    @Override
    public void close() {
        for (Path g : groups) {
            try {
                for (String pid : Files.readAllLines(g.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        Files.writeString(CPU_CONTROLLER.resolve("cgroup.procs"), pid.trim());
                    }
                }
                Files.delete(g);
            } catch (IOException e) {
                System.err.println("could not remove the CPU group " + g + ": " + e);
            }
        }
        groups.clear();
    }
}
