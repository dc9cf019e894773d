package io.cunjian.camerainventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.InvalidInput;

class HeartbeatBatchTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(1);

    @Test
    void aBatchWithoutATimeIsSeenNow() {
        HeartbeatBatch batch = HeartbeatBatch.check(List.of("CAM-1", "CAM-2"), null, NOW, 5000, SKEW);
        assertThat(batch.at()).isEqualTo(NOW);
        assertThat(batch.serials()).containsExactly("CAM-1", "CAM-2");
    }

    @Test
    void aClockAheadByLessThanTheSkewIsAccepted() {
        OffsetDateTime ahead = NOW.plusSeconds(59).atOffset(ZoneOffset.ofHours(8));
        assertThat(HeartbeatBatch.check(List.of("CAM-1"), ahead, NOW, 5000, SKEW).at()).isEqualTo(NOW.plusSeconds(59));
    }

    @Test
    void refusalsNameTheField() {
        assertRefused(Collections.nCopies(3, "CAM-1"), null, 2, "serials", "problem.heartbeat.batch-too-large");
        assertRefused(List.of("CAM-1", "no spaces"), null, 5000, "serials[1]", "problem.camera.serial.invalid");
        assertRefused(List.of("CAM-1"), NOW.plusSeconds(61).atOffset(ZoneOffset.UTC), 5000, "at", "problem.heartbeat.in-the-future");
    }

    private static void assertRefused(List<String> serials, OffsetDateTime at, int maxBatch, String field, String message) {
        assertThatThrownBy(() -> HeartbeatBatch.check(serials, at, NOW, maxBatch, SKEW)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fields()).containsExactly(new InvalidInput.FieldProblem(field, message)));
    }
}
