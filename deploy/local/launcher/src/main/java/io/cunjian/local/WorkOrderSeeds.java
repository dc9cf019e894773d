package io.cunjian.local;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * seeds/work-orders.json: the seed contractors, and each order driven from wherever it stands to the
 * state its {@code status} names (VERIFIED when it names none) through the public API — staff create,
 * issue, assign and verify; the contractor starts, uploads a photo and completes. An order left short
 * of VERIFIED is work the demo users find waiting (the verification queue, open orders on the
 * dashboard). A load cut short resumes; a second load finds every order where its seed leaves it (or
 * further: staff may have verified it since) and sends nothing.
 */
final class WorkOrderSeeds {

    private final Seeds seeds;
    private final String base;

    WorkOrderSeeds(Seeds seeds, String base) {
        this.seeds = seeds;
        this.base = base;
    }

    void load(JsonNode seed) throws IOException, InterruptedException {
        for (JsonNode contractor : seed.path("contractors")) {
            String id = contractor.path("id").asText();
            seeds.createIfMissing(base + "/api/v1/contractors/" + id, "POST", base + "/api/v1/contractors", contractor,
                    "seed-contractor-" + id);
        }
        for (JsonNode order : seed.path("orders")) {
            drive(order);
        }
    }

    /** How far along the lifecycle each state is: a rejected completion is short of COMPLETED again. */
    private static final List<String> PROGRESS = List.of("DRAFT", "ISSUED", "ASSIGNED", "REJECTED", "IN_PROGRESS", "COMPLETED",
            "VERIFIED");

    static boolean reached(String status, String target) {
        return status.equals("CANCELLED") || PROGRESS.indexOf(status) >= PROGRESS.indexOf(target);
    }

    private void drive(JsonNode order) throws IOException, InterruptedException {
        String target = order.path("status").asText("VERIFIED");
        if (!PROGRESS.contains(target)) {
            throw new IllegalArgumentException("seed order " + order.path("title").asText() + ": status " + target
                    + " is not one of " + PROGRESS);
        }
        String village = order.path("villageCode").asText();
        String category = order.path("categoryCode").asText();
        String contractor = order.path("contractorId").asText();
        JsonNode current = find(village, category, order.path("title").asText());
        boolean created = current == null;
        if (current == null) {
            ObjectNode body = Seeds.withoutNotes(order);
            body.remove("actualQuantity");
            body.remove("contractorId");
            body.remove("status");
            current = Seeds.expect(seeds.sendPatiently("POST", base + "/api/v1/work-orders", body.toString(),
                    "seed-wo-" + village + "-" + category), 201);
        }
        String id = current.path("id").asText();
        String url = base + "/api/v1/work-orders/" + id;
        String status = current.path("status").asText();
        String contractorToken = seeds.tokenSource().contractor(contractor);
        while (!reached(status, target)) {
            HttpResponse<String> answer;
            switch (status) {
                case "DRAFT" -> answer = seeds.send("POST", url + "/issue", null, "seed-issue-" + id);
                case "ISSUED" -> answer = seeds.send("POST", url + "/assign", "{\"contractorId\":\"" + contractor + "\"}",
                        "seed-assign-" + id);
                case "ASSIGNED", "REJECTED" -> answer = seeds.send(contractorToken, "POST", url + "/start", null, null,
                        "seed-start-" + id + "-" + status);
                case "IN_PROGRESS" -> {
                    String photo = Seeds.expect(uploadPhoto(contractorToken, url + "/photos", id), 201).path("id").asText();
                    answer = seeds.send(contractorToken, "POST", url + "/complete",
                            HttpRequest.BodyPublishers.ofString("{\"actualQuantity\":" + order.path("actualQuantity").asText()
                                    + ",\"notes\":\"种子数据\",\"photoIds\":[\"" + photo + "\"]}"),
                            "application/json", "seed-complete-" + id);
                }
                case "COMPLETED" -> answer = seeds.send("POST", url + "/verify", null, "seed-verify-" + id);
                default -> throw new IllegalStateException("seed order " + id + " is " + status + "; it cannot reach " + target);
            }
            status = Seeds.expect(answer, 200, 201).path("status").asText();
        }
        seeds.counted(created);
    }

    /** The seed order of this village and category (by its title), or null. */
    private JsonNode find(String village, String category, String title) throws IOException, InterruptedException {
        HttpResponse<String> list = seeds.sendPatiently("GET", base + "/api/v1/work-orders?village=" + village + "&category="
                + URLEncoder.encode(category, StandardCharsets.UTF_8) + "&size=500", null, null);
        for (JsonNode o : Seeds.expect(list, 200).path("items")) {
            if (title.equals(o.path("title").asText())) {
                return o;
            }
        }
        return null;
    }

    /** A tiny JPEG (what work-orders checks is the signature); one per order. */
    private HttpResponse<String> uploadPhoto(String bearer, String url, String orderId) throws IOException, InterruptedException {
        String boundary = "seed-" + UUID.randomUUID();
        return seeds.send(bearer, "POST", url, HttpRequest.BodyPublishers.ofByteArray(Photos.multipartJpeg(boundary, orderId + ".jpg")),
                "multipart/form-data; boundary=" + boundary, "seed-photo-" + orderId);
    }
}
