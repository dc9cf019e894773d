package io.cunjian.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads {@code seeds/<service>.json} through the services' public APIs, as staff would enter it.
 * Loading again changes nothing: what exists is left as it is (staff may have corrected it since),
 * and each create carries an Idempotency-Key, so a load cut short can simply be run again.
 * Keys starting with {@code _} in the files are notes for readers and are not sent.
 */
public final class Seeds {

    /** What a load did: rows created, rows found already there. */
    public record Report(int created, int existing) {
    }

    /** Bearer tokens the loader acts with: a district admin of the seeds' regions, and each seed contractor. */
    public interface TokenSource {
        String districtAdmin();

        String contractor(String contractorId);

        /** A device reporting heartbeats for cameras in {@code region}. */
        String device(String region);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final TokenSource tokenSource() {
        return tokens;
    }

    private final Path dir;
    private final Map<String, String> baseUrls;
    private final TokenSource tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int created;
    private int existing;

    /**
     * @param baseUrls service name → base URL of the services to seed
     * @param tokens   who the loader acts as
     */
    public Seeds(Path dir, Map<String, String> baseUrls, TokenSource tokens) {
        this.dir = dir;
        this.baseUrls = baseUrls;
        this.tokens = tokens;
    }

    public Report load() throws IOException, InterruptedException {
        created = 0;
        existing = 0;
        Path villageProjects = dir.resolve("village-projects.json");
        if (Files.exists(villageProjects) && baseUrls.containsKey("village-projects")) {
            loadVillageProjects(JSON.readTree(villageProjects.toFile()), baseUrls.get("village-projects"));
        }
        Path workOrders = dir.resolve("work-orders.json");
        if (Files.exists(workOrders) && baseUrls.containsKey("work-orders")) {
            new WorkOrderSeeds(this, baseUrls.get("work-orders")).load(JSON.readTree(workOrders.toFile()));
        }
        Path cameras = dir.resolve("camera-inventory.json");
        if (Files.exists(cameras) && baseUrls.containsKey("camera-inventory")) {
            new CameraSeeds(this, baseUrls.get("camera-inventory")).load(JSON.readTree(cameras.toFile()));
        }
        return new Report(created, existing);
    }

    private void loadVillageProjects(JsonNode seed, String base) throws IOException, InterruptedException {
        for (JsonNode region : seed.path("regions")) {
            String code = region.path("code").asText();
            createIfMissing(base + "/api/v1/regions/" + code, "POST", base + "/api/v1/regions", region, "seed-region-" + code);
        }
        for (JsonNode village : seed.path("villages")) {
            String code = village.path("code").asText();
            createIfMissing(base + "/api/v1/villages/" + code, "POST", base + "/api/v1/villages", village,
                    "seed-village-" + code);
        }
        for (JsonNode plan : seed.path("plans")) {
            String url = base + "/api/v1/villages/" + plan.path("villageCode").asText() + "/plan";
            ObjectNode body = withoutNotes(plan);
            body.remove("villageCode");
            createIfMissing(url, "PUT", url, body, null);
        }
    }

    /** GETs {@code existsUrl}; when it is 404, sends {@code body} and expects 201. */
    void createIfMissing(String existsUrl, String method, String createUrl, JsonNode entry, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpResponse<String> found = send("GET", existsUrl, null, null);
        if (found.statusCode() == 200) {
            existing++;
            return;
        }
        if (found.statusCode() != 404) {
            throw new IllegalStateException("GET " + existsUrl + " answered " + found.statusCode() + ": " + found.body());
        }
        HttpResponse<String> answer = send(method, createUrl, JSON.writeValueAsString(withoutNotes(entry)), idempotencyKey);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(method + " " + createUrl + " answered " + answer.statusCode() + ": " + answer.body());
        }
        created++;
    }

    /** Services learn villages from village.events: a just-seeded village may need a moment (503 until then). */
    static final Duration REPLICA_PATIENCE = Duration.ofSeconds(60);

    /**
     * Sends as the district admin, again while the service answers 503 (its replica has not caught up yet) or
     * 422 "unknown-reference": a replica that has read all of village.events says a village does not exist
     * (ADR 0028), but one seeded a moment ago may still be in village-projects' outbox, and the seeder knows
     * it exists.
     */
    HttpResponse<String> sendPatiently(String method, String url, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        java.time.Instant giveUp = java.time.Instant.now().plus(REPLICA_PATIENCE);
        while (true) {
            HttpResponse<String> answer = send(method, url, json, idempotencyKey);
            if (!notYetThere(answer) || java.time.Instant.now().isAfter(giveUp)) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    /** 503, or 422 naming a village or category the service's replica does not hold (yet). */
    static boolean notYetThere(HttpResponse<String> answer) {
        return answer.statusCode() == 503
                || answer.statusCode() == 422 && answer.body() != null && answer.body().contains("/problems/unknown-reference");
    }

    /** The answer's JSON body, if its status is one of {@code expected}; else the load stops with what the service said. */
    static JsonNode expect(HttpResponse<String> answer, Integer... expected) throws IOException {
        if (!List.of(expected).contains(answer.statusCode())) {
            throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    void counted(boolean wasCreated) {
        if (wasCreated) {
            created++;
        } else {
            existing++;
        }
    }

    static ObjectNode withoutNotes(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.startsWith("_")) {
                copy.remove(name);
            }
        }
        return copy;
    }

    HttpResponse<String> send(String method, String url, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(tokens.districtAdmin(), method, url, json == null ? null : HttpRequest.BodyPublishers.ofString(json),
                json == null ? null : "application/json", idempotencyKey);
    }

    HttpResponse<String> send(String bearer, String method, String url, HttpRequest.BodyPublisher body, String contentType,
            String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** For the stack's output: which files there are and what loading them did. */
    static List<String> files(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> names.add(f.getFileName().toString()));
            }
        }
        return names;
    }
}
