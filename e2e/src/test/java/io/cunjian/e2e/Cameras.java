package io.cunjian.e2e;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zones, cameras, and the village devices that report them alive: {@link #online} cameras get a
 * heartbeat every two seconds; a camera taken {@link #offline} stops getting them and falls off line
 * when camera-inventory's timer sees its window ({@link E2eStack#CAMERA_WINDOW}) pass.
 */
public final class Cameras implements AutoCloseable {

    private final Api api;
    private final Callers who;
    private final Set<String> online = ConcurrentHashMap.newKeySet();
    private final Thread pump;
    private volatile boolean running = true;

    public Cameras(E2eStack stack) {
        this.api = stack.api();
        this.who = stack.callers();
        this.pump = new Thread(this::pump, "e2e-heartbeats");
        pump.setDaemon(true);
        pump.start();
    }

    public long zone(String village, String name) {
        return api.post("camera-inventory", "/api/v1/zones").as(who.districtAdmin("22")).key("zone-" + village + "-" + Integer.toHexString(name.hashCode()))
                .json(Api.obj("villageCode", village, "name", name, "kind", "OTHER")).expect(201).path("id").asLong();
    }

    public String camera(String village, long zone, String serial) {
        api.post("camera-inventory", "/api/v1/cameras").as(who.districtAdmin("22")).key("camera-" + serial)
                .json(Api.obj("serial", serial, "villageCode", village, "zoneId", zone, "model", "e2e", "vendor", "e2e",
                        "position", Api.obj("latitude", 43.5, "longitude", 123.5), "lifecycle", "OPERATIONAL"))
                .expect(201);
        return serial;
    }

    public void online(String serial) {
        online.add(serial);
        beat(List.of(serial));
    }

    public void offline(String serial) {
        online.remove(serial);
    }

    private void pump() {
        while (running) {
            List<String> serials = List.copyOf(online);
            if (!serials.isEmpty()) {
                beat(serials);
            }
            Api.sleep(2000);
        }
    }

    private void beat(List<String> serials) {
        api.post("camera-inventory", "/api/v1/heartbeats").as(who.device("22")).json(Api.obj("serials", serials))
                .sendUntilDefinite(java.time.Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        running = false;
        pump.interrupt();
    }
}
