package io.cunjian.camerainventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CoverageRuleTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void onlyAnOperationalCameraThatIsOnlineWatchesItsZone() {
        for (Lifecycle l : Lifecycle.values()) {
            assertThat(CoverageRule.watches(l, true)).as(l + " online").isEqualTo(l == Lifecycle.OPERATIONAL);
            assertThat(CoverageRule.watches(l, false)).as(l + " offline").isFalse();
        }
    }

    @Test
    void aHeartbeatExactlyAtTheStartOfTheWindowIsAlreadyTooOld() {
        Instant start = CoverageRule.windowStart(NOW, Duration.ofMinutes(2));
        assertThat(start).isEqualTo(Instant.parse("2026-12-04T07:58:00Z"));
        assertThat(CoverageRule.online(start.plusMillis(1), start)).isTrue();
        assertThat(CoverageRule.online(start, start)).isFalse();
        assertThat(CoverageRule.online(start.minusMillis(1), start)).isFalse();
        assertThat(CoverageRule.online(null, start)).as("never seen").isFalse();
    }

    @Test
    void onlyLifecycleChangesIntoOrOutOfOperationalTouchCoverage() {
        assertThat(CoverageRule.changesCoverage(Lifecycle.INSTALLED, Lifecycle.OPERATIONAL)).isTrue();
        assertThat(CoverageRule.changesCoverage(Lifecycle.OPERATIONAL, Lifecycle.FAULTY)).isTrue();
        assertThat(CoverageRule.changesCoverage(Lifecycle.OPERATIONAL, Lifecycle.DECOMMISSIONED)).isTrue();
        assertThat(CoverageRule.changesCoverage(Lifecycle.FAULTY, Lifecycle.DECOMMISSIONED)).isFalse();
        assertThat(CoverageRule.changesCoverage(Lifecycle.PLANNED, Lifecycle.INSTALLED)).isFalse();
    }
}
