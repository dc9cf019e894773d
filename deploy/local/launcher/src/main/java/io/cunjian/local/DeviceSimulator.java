package io.cunjian.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seeded villages' camera gateway, simulated: it signs in as {@code demo.device} (camera-inventory's
 * development sign-in, so it holds exactly that user's token and region) and, every interval, sends
 * one heartbeat for each seeded camera in that region through the public heartbeat API, as a real
 * gateway would. Without it the seeded cameras fall silent after one online window and 永加社区's
 * zones turn blind. {@code stack start} runs it as a process of its own ({@link Stack#startDeviceSimulator});
 * {@code stack stop} ends it. It writes a line when an outcome changes, not one per heartbeat.
 */
public final class DeviceSimulator {

    static final String USER = "demo.device";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Path seedFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private List<String> serials = List.of();
    private String lastOutcome = "";

    DeviceSimulator(String cameraInventoryBaseUrl, Path seedFile) {
        this.base = cameraInventoryBaseUrl;
        this.seedFile = seedFile;
    }

    /** {@code <camera-inventory base URL> <seeds/camera-inventory.json> <interval in ms>}. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: DeviceSimulator <camera-inventory base URL> <camera seed file> <interval ms>");
            System.exit(2);
        }
        DeviceSimulator simulator = new DeviceSimulator(args[0], Path.of(args[1]));
        Duration every = Duration.ofMillis(Long.parseLong(args[2]));
        while (true) {
            simulator.beat();
            Thread.sleep(every.toMillis());
        }
    }

    /** One round: sign in when there is no token (or it was refused), then one heartbeat for all cameras. */
    void beat() {
        try {
            if (token == null) {
                signIn();
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/heartbeats"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("serials", serials)))));
            if (answer.statusCode() == 401) {
                token = null; // expired: sign in again next round
            }
            say(answer.statusCode() == 200 ? "heartbeats of " + serials.size() + " cameras accepted"
                    : "heartbeats refused: " + answer.statusCode() + " " + answer.body());
        } catch (IOException | RuntimeException e) {
            say("camera-inventory not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** demo.device's token and regions, from the development sign-in; the seeded cameras in those regions. */
    private void signIn() throws IOException, InterruptedException {
        HttpResponse<String> users = send(HttpRequest.newBuilder(URI.create(base + "/dev/sign-in")).GET());
        List<String> regions = new ArrayList<>();
        for (JsonNode user : JSON.readTree(users.body())) {
            if (USER.equals(user.path("id").asText())) {
                user.path("regions").forEach(r -> regions.add(r.asText()));
            }
        }
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/dev/sign-in/" + USER))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("the development sign-in refused " + USER + ": " + signedIn.statusCode());
        }
        token = JSON.readTree(signedIn.body()).path("token").asText();
        serials = serials(JSON.readTree(seedFile.toFile()), regions);
        say("signed in as " + USER + " (regions " + regions + "): " + serials.size() + " seeded cameras");
    }

    /** The serials of the seeded cameras whose village lies in one of {@code regions}. */
    static List<String> serials(JsonNode seed, List<String> regions) {
        List<String> found = new ArrayList<>();
        for (JsonNode camera : seed.path("cameras")) {
            String village = camera.path("villageCode").asText();
            if (regions.stream().anyMatch(village::startsWith)) {
                found.add(camera.path("serial").asText());
            }
        }
        return found;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void say(String outcome) {
        if (!outcome.equals(lastOutcome)) {
            System.out.println(Instant.now() + " " + outcome);
            lastOutcome = outcome;
        }
    }
}
