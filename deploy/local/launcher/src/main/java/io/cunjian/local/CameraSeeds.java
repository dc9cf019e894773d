package io.cunjian.local;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * seeds/camera-inventory.json: zones (found again by village and name), cameras (by serial), then
 * one heartbeat for all seeded cameras of each village, sent as that village's device would.
 */
final class CameraSeeds {

    private final Seeds seeds;
    private final String base;

    CameraSeeds(Seeds seeds, String base) {
        this.seeds = seeds;
        this.base = base;
    }

    void load(JsonNode seed) throws IOException, InterruptedException {
        Map<String, Long> zoneIds = new HashMap<>();
        for (JsonNode zone : seed.path("zones")) {
            String village = zone.path("villageCode").asText();
            String name = zone.path("name").asText();
            Long id = findZone(village, name);
            if (id == null) {
                HttpResponse<String> answer = seeds.sendPatiently("POST", base + "/api/v1/zones", Seeds.withoutNotes(zone).toString(),
                        "seed-zone-" + village + "-" + Integer.toHexString(name.hashCode()));
                id = Seeds.expect(answer, 201).path("id").asLong();
                seeds.counted(true);
            } else {
                seeds.counted(false);
            }
            zoneIds.put(village + "/" + name, id);
        }
        Map<String, List<String>> serialsByVillage = new HashMap<>();
        for (JsonNode camera : seed.path("cameras")) {
            String village = camera.path("villageCode").asText();
            String serial = camera.path("serial").asText();
            ObjectNode body = Seeds.withoutNotes(camera);
            body.remove("zone");
            body.put("zoneId", zoneIds.get(village + "/" + camera.path("zone").asText()));
            seeds.createIfMissing(base + "/api/v1/cameras/" + serial, "POST", base + "/api/v1/cameras", body,
                    "seed-camera-" + serial);
            serialsByVillage.computeIfAbsent(village, v -> new ArrayList<>()).add(serial);
        }
        for (Map.Entry<String, List<String>> village : serialsByVillage.entrySet()) {
            String json = "{\"serials\":" + Seeds.JSON.writeValueAsString(village.getValue()) + "}";
            Seeds.expect(seeds.send(seeds.tokenSource().device(village.getKey()), "POST", base + "/api/v1/heartbeats",
                    HttpRequest.BodyPublishers.ofString(json), "application/json", null), 200);
        }
    }

    private Long findZone(String village, String name) throws IOException, InterruptedException {
        HttpResponse<String> list = seeds.sendPatiently("GET", base + "/api/v1/zones?village=" + village + "&size=500", null, null);
        for (JsonNode z : Seeds.expect(list, 200).path("items")) {
            if (name.equals(z.path("name").asText())) {
                return z.path("id").asLong();
            }
        }
        return null;
    }
}
