package io.cunjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.infrastructure.Processes;
import io.cunjian.local.Seeds;

/**
 * The demo holds over time: with the seeds loaded and the camera online window shortened to
 * {@link E2eStack#CAMERA_WINDOW}, the stack's device simulator (a process of its own, signed in as
 * demo.device through the development sign-in) keeps every one of 永加社区's zones covered across
 * several windows; once it is stopped, the zones go blind within a window. Runs on an instance of its
 * own, since the seeds register regions other classes register themselves.
 */
class DeviceSimulatorIT {

    static final String YONGJIA = "220382201001";
    static final int WINDOWS = 4;

    static E2eStack stack;

    @BeforeAll
    static void seeded() throws Exception {
        stack = E2eStack.start(1);
        Seeds.Report loaded = stack.stack().loadSeeds();
        assertThat(loaded.created()).isPositive();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    JsonNode coverage() {
        Api.Answer a = stack.api().get("camera-inventory", "/api/v1/villages/" + YONGJIA + "/coverage")
                .as(stack.callers().viewer("220382")).send();
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    @Test
    void theSimulatorKeepsYongjiasZonesCoveredAcrossSeveralWindowsAndItsStopLetsThemGoBlind() {
        stack.stack().startDeviceSimulator();
        assertThat(Processes.await(Duration.ofSeconds(30), () -> {
            JsonNode c = coverage();
            return c.path("zones").asInt() == 6 && c.path("coveredZones").asInt() == 6;
        })).as("永加社区's six zones covered once the simulator beats: " + coverage()).isTrue();

        // several windows in which every camera would have gone silent without it: never a blind zone
        List<String> blind = new ArrayList<>();
        long end = System.nanoTime() + E2eStack.CAMERA_WINDOW.multipliedBy(WINDOWS).toNanos();
        while (System.nanoTime() < end) {
            JsonNode c = coverage();
            if (c.path("coveredZones").asInt() != 6) {
                blind.add(c.toString());
            }
            sleep(Duration.ofMillis(500));
        }
        assertThat(blind).as("zones blind while the simulator ran").isEmpty();
        assertThat(stack.stack().deviceSimulator()).as("the simulator still runs").isPresent();

        assertThat(stack.stack().stopDeviceSimulator()).isTrue();
        assertThat(Processes.await(E2eStack.CAMERA_WINDOW.multipliedBy(3), () -> coverage().path("coveredZones").asInt() == 0))
                .as("the zones go blind once the simulator stops: " + coverage()).isTrue();
        assertThat(coverage().path("blindZones").size()).isEqualTo(6);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
