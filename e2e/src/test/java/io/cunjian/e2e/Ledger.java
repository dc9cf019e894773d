package io.cunjian.e2e;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ground truth: every write that got a 2xx, in the order the answers came, with what the
 * service answered. Expected report figures are computed from this, never from the system's own
 * reads; a write that never got a 2xx is not in it (its effect, if any, must not count either).
 */
public final class Ledger {

    public record Entry(long seq, String service, String method, String path, String idempotencyKey, int status,
            JsonNode answer, Instant ackedAt) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicLong seq = new AtomicLong();

    void record(String service, String method, String path, String key, int status, JsonNode answer) {
        entries.add(new Entry(seq.incrementAndGet(), service, method, path, key, status, answer, Instant.now()));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> where(Predicate<Entry> p) {
        return entries.stream().filter(p).toList();
    }

    public int size() {
        return entries.size();
    }
}
