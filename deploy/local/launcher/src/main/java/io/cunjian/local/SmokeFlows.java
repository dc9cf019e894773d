package io.cunjian.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.TokenMinter;

/**
 * The end-to-end flows the smoke runs after the health checks: each writes through a public API
 * and reads the outcome back where another service shows it, so the outbox, the broker and the
 * consumers are all on the path. Each service issue adds its own flow here.
 */
final class SmokeFlows {

    /** A region kept for the smoke (99 is no real province code). */
    static final String SMOKE_REGION = "99";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Smoke smoke;
    private final Map<String, ServiceDescriptor> services = new java.util.HashMap<>();

    private final String token;
    private final String bootstrapServers;

    /** {@code token}: a district admin's for {@link #SMOKE_REGION}, signed with the stack's key. */
    SmokeFlows(Smoke smoke, List<ServiceDescriptor> services, String token, String bootstrapServers) {
        this.smoke = smoke;
        this.token = token;
        this.bootstrapServers = bootstrapServers;
        services.forEach(s -> this.services.put(s.name(), s));
    }

    void run() {
        smoke.check("a region renamed in village-projects reaches reporting through Kafka", this::regionReachesReporting);
        smoke.check("a village, its plan and an inspection are published on village.events", this::villagePlanInspection);
        smoke.check("a village created in village-projects takes a work order in work-orders seconds later, issued to verified", this::workOrderInANewVillage);
        smoke.check("camera-inventory: a camera's heartbeat covers its new zone, its silence uncovers it after the window",
                this::cameraCoversAZoneUntilItFallsSilent);
        smoke.check("community: five households of the smoke village formed into a 十户联防 group with a 户长, on community.events",
                () -> new CommunityFlow(this, services.get("community").baseUrl(), bootstrapServers)
                        .householdsFormAGroupWithALeader(SMOKE_REGION + "0101001001"));
    }

    private List<String> regionReachesReporting() throws Exception {
        List<String> problems = new ArrayList<>();
        String villageProjects = services.get("village-projects").baseUrl();
        String reporting = services.get("reporting").baseUrl();

        HttpResponse<String> created = send("POST", villageProjects + "/api/v1/regions",
                "{\"code\":\"" + SMOKE_REGION + "\",\"name\":\"冒烟测试\"}", Map.of());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            problems.add("registering region " + SMOKE_REGION + " answered " + created.statusCode() + ": " + created.body());
            return problems;
        }
        HttpResponse<String> current = send("GET", villageProjects + "/api/v1/regions/" + SMOKE_REGION, null, Map.of());
        String name = "冒烟测试-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> renamed = send("PUT", villageProjects + "/api/v1/regions/" + SMOKE_REGION,
                "{\"name\":\"" + name + "\"}", Map.of("If-Match", current.headers().firstValue("ETag").orElse("")));
        if (renamed.statusCode() != 200) {
            problems.add("renaming answered " + renamed.statusCode() + ": " + renamed.body());
            return problems;
        }
        boolean arrived = Processes.await(Duration.ofSeconds(20), () -> {
            try {
                HttpResponse<String> r = send("GET", reporting + "/api/v1/regions/" + SMOKE_REGION, null, Map.of());
                return r.statusCode() == 200 && name.equals(JSON.readTree(r.body()).path("name").asText());
            } catch (Exception e) {
                return false;
            }
        });
        if (!arrived) {
            problems.add("reporting did not show the new name " + name + " within 20 s");
        }
        return problems;
    }

    /** The smoke's own township and standard (scope 99), made once; each run adds a village under them. */
    static final String SMOKE_TOWNSHIP = SMOKE_REGION + "0101001";
    static final String SMOKE_STANDARD = "smoke-standard";

    private List<String> villagePlanInspection() throws Exception {
        List<String> problems = new ArrayList<>();
        String base = services.get("village-projects").baseUrl();
        for (String[] r : new String[][] {{SMOKE_REGION + "01", "冒烟市"}, {SMOKE_REGION + "0101", "冒烟县"}, {SMOKE_TOWNSHIP, "冒烟乡"}}) {
            expect(problems, send("POST", base + "/api/v1/regions", "{\"code\":\"" + r[0] + "\",\"name\":\"" + r[1] + "\"}",
                    Map.of()), "registering region " + r[0], 201, 409);
        }
        HttpResponse<String> drafted = send("POST", base + "/api/v1/standards", "{\"id\":\"" + SMOKE_STANDARD
                + "\",\"scope\":\"" + SMOKE_REGION + "\",\"basedOn\":\"jilin-illustrative-v1\",\"nameZh\":\"冒烟测试标准\","
                + "\"nameEn\":\"Smoke standard\",\"illustrative\":true}", Map.of());
        expect(problems, drafted, "drafting the smoke standard", 201, 409);
        if (drafted.statusCode() == 201) {
            expect(problems, send("POST", base + "/api/v1/standards/" + SMOKE_STANDARD + "/publish", null,
                    Map.of("If-Match", drafted.headers().firstValue("ETag").orElse(""))), "publishing it", 200);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String village = null;
        for (int attempt = 0; attempt < 20 && village == null; attempt++) {
            String code = SMOKE_TOWNSHIP + String.format("%03d", new java.util.Random().nextInt(1000));
            HttpResponse<String> r = send("POST", base + "/api/v1/villages", "{\"code\":\"" + code + "\",\"townshipCode\":\""
                    + SMOKE_TOWNSHIP + "\",\"name\":\"冒烟村" + code.substring(9) + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (r.statusCode() == 201) {
                village = code;
            } else if (r.statusCode() != 409) {
                problems.add("registering a village answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
        }
        if (village == null) {
            problems.add("no free village code under " + SMOKE_TOWNSHIP);
            return problems;
        }
        expect(problems, send("PUT", base + "/api/v1/villages/" + village + "/plan", "{\"standardId\":\"" + SMOKE_STANDARD
                + "\",\"deadline\":\"2027-12-31\",\"workTargets\":[{\"itemCode\":\"street-lighting\",\"categoryCode\":"
                + "\"street-lamp-repair\",\"quantity\":10}]}", Map.of()), "setting its plan", 201);
        String today = ChinaTime.today(java.time.Clock.systemUTC()).toString();
        expect(problems, send("POST", base + "/api/v1/villages/" + village + "/inspections", "{\"itemCode\":\"village-plan\","
                + "\"verdict\":\"PASS\",\"inspectedOn\":\"" + today + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                "recording an inspection", 201);
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> types = TopicEvents.typesForKey(bootstrapServers, "village.events", village, 4, Duration.ofSeconds(20));
        List<String> expected = List.of("cunjian.region.registered.v1", "cunjian.village.registered.v1",
                "cunjian.plan.set.v1", "cunjian.inspection.recorded.v1");
        if (!types.equals(expected)) {
            problems.add("village.events under " + village + " held " + types + ", expected " + expected);
        }
        return problems;
    }

    // ---- work-orders ----

    /** A contractor kept for the smoke: a valid unified social credit code (check character J). */
    static final String SMOKE_CONTRACTOR = "91990100MA14ABCD2J";

    /**
     * Registers 99 → 9901 → 990101 → 990101001 and a new village in village-projects, then creates a
     * work order in that village in work-orders (retrying while work-orders answers 503, or 422 before the
     * village's event has left village-projects: {@link Seeds#notYetThere}), and takes it through issue,
     * assign, start, a photo, complete and verify, the contractor's steps with a contractor token signed by
     * the stack's key.
     */
    private List<String> workOrderInANewVillage() throws Exception {
        List<String> problems = new ArrayList<>();
        String villageProjects = services.get("village-projects").baseUrl();
        ServiceDescriptor workOrdersService = services.get("work-orders");
        String workOrders = workOrdersService.baseUrl();
        for (String region : List.of(SMOKE_REGION, "9901", "990101", "990101001")) {
            HttpResponse<String> r = send("POST", villageProjects + "/api/v1/regions",
                    "{\"code\":\"" + region + "\",\"name\":\"冒烟测试" + region + "\"}", Map.of());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                problems.add("registering region " + region + " answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
        }
        String village = "990101001" + String.format("%03d", new java.util.Random().nextInt(1000));
        HttpResponse<String> v = send("POST", villageProjects + "/api/v1/villages", "{\"code\":\"" + village
                + "\",\"townshipCode\":\"990101001\",\"name\":\"冒烟村" + village.substring(9) + "\"}", Map.of());
        if (v.statusCode() != 201 && v.statusCode() != 409) {
            problems.add("registering village " + village + " answered " + v.statusCode() + ": " + v.body());
            return problems;
        }
        HttpResponse<String> c = send("POST", workOrders + "/api/v1/contractors",
                "{\"id\":\"" + SMOKE_CONTRACTOR + "\",\"name\":\"冒烟测试施工单位\"}", Map.of());
        if (c.statusCode() != 201 && c.statusCode() != 409) {
            problems.add("registering the smoke contractor answered " + c.statusCode() + ": " + c.body());
            return problems;
        }
        String order = "{\"villageCode\":\"" + village + "\",\"categoryCode\":\"street-lamp-repair\",\"unit\":\"LAMP\","
                + "\"plannedQuantity\":8,\"title\":\"冒烟测试路灯维修\"}";
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] created = new HttpResponse[1];
        boolean accepted = Processes.await(Duration.ofSeconds(30), () -> {
            try {
                created[0] = send("POST", workOrders + "/api/v1/work-orders", order, Map.of("Idempotency-Key", key));
                return !Seeds.notYetThere(created[0]);
            } catch (Exception e) {
                return false;
            }
        });
        if (!accepted || created[0] == null || created[0].statusCode() != 201) {
            problems.add("work-orders did not take an order in the new village " + village + " within 30 s: "
                    + (created[0] == null ? "no answer" : created[0].statusCode() + " " + created[0].body()));
            return problems;
        }
        System.out.println("     work-orders took the order " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after the village was registered");
        String id = JSON.readTree(created[0].body()).path("id").asText();
        String base = workOrders + "/api/v1/work-orders/" + id;
        java.nio.file.Path keys = workOrdersService.module().getParent().getParent().resolve("deploy/local/.state/keys");
        String contractor = TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "smoke-contractor",
                List.of("contractor"), List.of(SMOKE_REGION), SMOKE_CONTRACTOR, Duration.ofMinutes(5)),
                TokenMinter.ensureKeyPair(keys).getPrivate());
        if (!step(problems, "issue", send("POST", base + "/issue", null, Map.of()))
                || !step(problems, "assign", send("POST", base + "/assign", "{\"contractorId\":\"" + SMOKE_CONTRACTOR + "\"}", Map.of()))
                || !step(problems, "start", sendAs(contractor, "POST", base + "/start", null))) {
            return problems;
        }
        HttpResponse<String> photo = uploadJpeg(contractor, base + "/photos");
        if (photo.statusCode() != 201) {
            problems.add("photo upload answered " + photo.statusCode() + ": " + photo.body());
            return problems;
        }
        String photoId = JSON.readTree(photo.body()).path("id").asText();
        if (!step(problems, "complete", sendAs(contractor, "POST", base + "/complete",
                "{\"actualQuantity\":8,\"notes\":\"冒烟测试\",\"photoIds\":[\"" + photoId + "\"]}"))
                || !step(problems, "verify", send("POST", base + "/verify", null, Map.of()))) {
            return problems;
        }
        HttpResponse<String> done = send("GET", base, null, Map.of());
        if (!"VERIFIED".equals(JSON.readTree(done.body()).path("status").asText())) {
            problems.add("the order is not VERIFIED at the end: " + done.body());
        }
        return problems;
    }

    private static void expect(List<String> problems, HttpResponse<String> answer, String what, Integer... statuses) {
        if (!List.of(statuses).contains(answer.statusCode())) {
            problems.add(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static boolean step(List<String> problems, String name, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            problems.add(name + " answered " + answer.statusCode() + ": " + answer.body());
            return false;
        }
        return true;
    }

    private HttpResponse<String> sendAs(String bearer, String method, String url, String json) throws Exception {
        return HttpProbe.send(method, url, json, Map.of("Authorization", "Bearer " + bearer));
    }

    /** A multipart upload of a minimal JPEG (its signature is what work-orders checks). */
    private HttpResponse<String> uploadJpeg(String bearer, String url) throws Exception {
        String boundary = "smoke-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Photos.multipartJpeg(boundary, "smoke.jpg"))).build();
        return HttpProbe.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A village of the smoke region (registered in village-projects if missing) reaches camera-inventory's
     * replica; a new zone gets an OPERATIONAL camera whose heartbeat is dated 10 s before the window
     * runs out: the zone is covered at once and blind again once the timer notices the silence.
     */
    private List<String> cameraCoversAZoneUntilItFallsSilent() throws Exception {
        List<String> problems = new ArrayList<>();
        String villageProjects = services.get("village-projects").baseUrl();
        String cameras = services.get("camera-inventory").baseUrl();
        String village = SMOKE_REGION + "0101001001";
        for (String[] region : new String[][] {{SMOKE_REGION, "冒烟测试"}, {SMOKE_REGION + "01", "冒烟市"},
                {SMOKE_REGION + "0101", "冒烟县"}, {SMOKE_REGION + "0101001", "冒烟乡"}}) {
            HttpResponse<String> r = send("POST", villageProjects + "/api/v1/regions",
                    "{\"code\":\"" + region[0] + "\",\"name\":\"" + region[1] + "\"}", Map.of());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                problems.add("registering region " + region[0] + " answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
        }
        HttpResponse<String> v = send("POST", villageProjects + "/api/v1/villages", "{\"code\":\"" + village
                + "\",\"townshipCode\":\"" + SMOKE_REGION + "0101001\",\"name\":\"冒烟村\"}", Map.of());
        if (v.statusCode() != 201 && v.statusCode() != 409) {
            problems.add("registering village " + village + " answered " + v.statusCode() + ": " + v.body());
            return problems;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String zoneBody = "{\"villageCode\":\"" + village + "\",\"name\":\"冒烟区-" + suffix + "\",\"kind\":\"OTHER\"}";
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> defined = new java.util.concurrent.atomic.AtomicReference<>();
        // until camera-inventory's replica has seen the village it answers 503, or 422 (Seeds.notYetThere)
        Processes.await(Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> r = send("POST", cameras + "/api/v1/zones", zoneBody, Map.of());
                defined.set(r);
                return !Seeds.notYetThere(r);
            } catch (Exception e) {
                return false;
            }
        });
        HttpResponse<String> zone = defined.get();
        if (zone == null || zone.statusCode() != 201) {
            problems.add("defining a zone answered " + (zone == null ? "nothing" : zone.statusCode() + ": " + zone.body()));
            return problems;
        }
        long zoneId = JSON.readTree(zone.body()).path("id").asLong();
        String serial = "SMOKE-" + suffix;
        HttpResponse<String> camera = send("POST", cameras + "/api/v1/cameras", "{\"serial\":\"" + serial + "\",\"villageCode\":\""
                + village + "\",\"zoneId\":" + zoneId + ",\"model\":\"smoke\",\"vendor\":\"smoke\",\"position\":{\"latitude\":43.5,"
                + "\"longitude\":123.5},\"lifecycle\":\"OPERATIONAL\"}", Map.of());
        if (camera.statusCode() != 201) {
            problems.add("registering camera " + serial + " answered " + camera.statusCode() + ": " + camera.body());
            return problems;
        }
        // a heartbeat a day old changes nothing but tells the window
        HttpResponse<String> old = send("POST", cameras + "/api/v1/heartbeats", "{\"serials\":[\"" + serial + "\"],\"at\":\""
                + java.time.OffsetDateTime.now().minusDays(1) + "\"}", Map.of());
        if (old.statusCode() != 200) {
            problems.add("heartbeat answered " + old.statusCode() + ": " + old.body());
            return problems;
        }
        long window = JSON.readTree(old.body()).path("onlineWindowSeconds").asLong();
        HttpResponse<String> beat = send("POST", cameras + "/api/v1/heartbeats", "{\"serials\":[\"" + serial + "\"],\"at\":\""
                + java.time.OffsetDateTime.now().minusSeconds(window - 10) + "\"}", Map.of());
        if (beat.statusCode() != 200 || JSON.readTree(beat.body()).path("zonesChanged").asInt() != 1) {
            problems.add("the heartbeat did not cover the zone: " + beat.statusCode() + " " + beat.body());
            return problems;
        }
        if (!zoneCovered(cameras, zoneId)) {
            problems.add("zone " + zoneId + " is not covered after the heartbeat");
        }
        boolean uncovered = Processes.await(Duration.ofSeconds(40), () -> {
            try {
                return !zoneCovered(cameras, zoneId);
            } catch (Exception e) {
                return false;
            }
        });
        if (!uncovered) {
            problems.add("zone " + zoneId + " still covered 40 s after its only camera fell silent (window + sweep)");
        }
        return problems;
    }

    private boolean zoneCovered(String cameras, long zoneId) throws Exception {
        HttpResponse<String> z = send("GET", cameras + "/api/v1/zones/" + zoneId, null, Map.of());
        return z.statusCode() == 200 && JSON.readTree(z.body()).path("covered").asBoolean();
    }

    /** As the district admin of {@link #SMOKE_REGION}. */
    HttpResponse<String> send(String method, String url, String json, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return HttpProbe.send(method, url, json, all);
    }
}
