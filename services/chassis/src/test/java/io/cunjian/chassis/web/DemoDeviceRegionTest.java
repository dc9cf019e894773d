package io.cunjian.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * demo.device is the seeded cameras' gateway (the stack's device simulator signs in as it): its
 * regions must hold the village of every camera in seeds/camera-inventory.json, or camera-inventory
 * refuses its heartbeats and 永加社区's zones go blind one online window after start.
 */
class DemoDeviceRegionTest {

    static final Path SEEDS = Path.of(System.getProperty("cunjian.root", "../..")).resolve("seeds/camera-inventory.json");

    @Test
    void demoDeviceMayReportEverySeededCamera() throws IOException {
        List<String> regions = DevSignIn.USERS.stream().filter(u -> u.id().equals("demo.device")).findFirst().orElseThrow()
                .regions();
        List<String> outside = new ArrayList<>();
        for (JsonNode camera : new ObjectMapper().readTree(SEEDS.toFile()).path("cameras")) {
            String village = camera.path("villageCode").asText();
            if (regions.stream().noneMatch(village::startsWith)) {
                outside.add(camera.path("serial").asText() + " in " + village);
            }
        }
        assertThat(outside).as("seeded cameras outside demo.device's regions " + regions).isEmpty();
    }
}
