package io.cunjian.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.local.Photos;

/**
 * The suite's only way into the system: HTTP calls to the services' public APIs. Every write
 * answered 2xx goes to the {@link Ledger}. {@link Call#sendUntilDefinite} is what a careful client on
 * a poor connection does — the same request with the same Idempotency-Key again while the answer is
 * a 5xx or no answer at all — and counts those failures.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** An answer; status -1 when none came (connection refused or reset, timeout). */
    public record Answer(int status, String body, HttpHeaders headers, long nanos) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode().put("_unparsed", body);
            }
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final Map<String, String> baseUrls;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** Answers that were not definite (5xx or none), by status; -1 is no answer. */
    private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
    /** The first answer of each failing status, to say what it was. */
    private final Map<Integer, String> failureSamples = new ConcurrentHashMap<>();

    Api(Map<String, String> baseUrls, Ledger ledger) {
        this.baseUrls = new ConcurrentHashMap<>(baseUrls);
        this.ledger = ledger;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Points {@code service} at another instance (scale-out: the second instance's URL). */
    public void route(String service, String baseUrl) {
        baseUrls.put(service, baseUrl);
    }

    public String baseUrl(String service) {
        return baseUrls.get(service);
    }

    public Map<Integer, Long> failures() {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        failures.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public Map<Integer, String> failureSamples() {
        return Map.copyOf(failureSamples);
    }

    public void resetFailures() {
        failures.clear();
        failureSamples.clear();
    }

    public Call get(String service, String path) {
        return new Call(service, "GET", path);
    }

    public Call post(String service, String path) {
        return new Call(service, "POST", path);
    }

    public Call put(String service, String path) {
        return new Call(service, "PUT", path);
    }

    public static ObjectNode obj(Object... keysAndValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return o;
    }

    public final class Call {
        private final String service;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String baseUrl;

        Call(String service, String method, String path) {
            this.service = service;
            this.method = method;
            this.path = path;
        }

        public Call as(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call key(String idempotencyKey) {
            return header("Idempotency-Key", idempotencyKey);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(Object body) {
            try {
                return raw(body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body),
                        "application/json");
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public Call raw(byte[] bytes, String contentType) {
            this.body = bytes;
            return contentType == null ? this : header("Content-Type", contentType);
        }

        /** A photo (tiny JPEG) as multipart/form-data. */
        public Call photo() {
            String boundary = "e2e-" + UUID.randomUUID();
            return raw(Photos.multipartJpeg(boundary, "evidence.jpg"), "multipart/form-data; boundary=" + boundary);
        }

        /** Sends to another instance than the routed one. */
        public Call at(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Answer send() {
            String url = (baseUrl != null ? baseUrl : baseUrls.get(service)) + path;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            long t0 = System.nanoTime();
            Answer a;
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                a = new Answer(r.statusCode(), r.body(), r.headers(), System.nanoTime() - t0);
            } catch (IOException e) {
                a = new Answer(-1, e.toString(), null, System.nanoTime() - t0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a = new Answer(-1, "interrupted", null, System.nanoTime() - t0);
            }
            if (!"GET".equals(method) && a.ok()) {
                ledger.record(service, method, path, headers.get("Idempotency-Key"), a.status(), a.json());
            }
            return a;
        }

        /**
         * Sends until the answer is definite (not 5xx, not none), for at most {@code patience}; the
         * same request each time, so a write with an Idempotency-Key takes effect at most once.
         */
        public Answer sendUntilDefinite(Duration patience) {
            Instant giveUp = Instant.now().plus(patience);
            while (true) {
                Answer a = send();
                if (a.status() >= 0 && a.status() < 500 && !(namesTheNotYetPublished(a) && Instant.now().isBefore(giveUp))) {
                    return a;
                }
                failures.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
                failureSamples.putIfAbsent(a.status(), method + " " + service + path + " → " + a);
                if (Instant.now().isAfter(giveUp)) {
                    return a;
                }
                sleep(a.status() == 503 ? 300 : 200);
            }
        }

        /**
         * A 422 "unknown-reference" from a service whose replica has read all of village.events (ADR 0028): the
         * suite names only villages and categories it registered, so one registered a moment ago is still on its
         * way through village-projects' outbox. Sent again, like a 503, within the patience.
         */
        private static boolean namesTheNotYetPublished(Answer a) {
            return a.status() == 422 && a.body() != null && a.body().contains("/problems/unknown-reference");
        }

        /** {@link #sendUntilDefinite} within two minutes, then the answer must have one of {@code statuses}. */
        public JsonNode expect(int... statuses) {
            Answer a = sendUntilDefinite(Duration.ofMinutes(2));
            for (int s : statuses) {
                if (a.status() == s) {
                    return a.json();
                }
            }
            throw new AssertionError(method + " " + service + path + " answered " + a + "; expected " + java.util.Arrays.toString(statuses));
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
