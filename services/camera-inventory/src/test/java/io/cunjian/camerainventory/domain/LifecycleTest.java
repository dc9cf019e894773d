package io.cunjian.camerainventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The camera lifecycle as a pure rule: no Quarkus, no database. */
class LifecycleTest {

    static Camera camera(Lifecycle state) {
        return new Camera("CAM-1", "220382201201",
                new Camera.Details("DS-2CD", "海康威视", 1, new GeoPoint(43.5, 123.5), LocalDate.of(2024, 5, 1), "安装队"), state, 3);
    }

    @Test
    void theHappyPathRunsFromPlannedToDecommissioned() {
        Camera c = camera(Lifecycle.PLANNED);
        for (Lifecycle next : new Lifecycle[] {Lifecycle.INSTALLED, Lifecycle.OPERATIONAL, Lifecycle.FAULTY,
                Lifecycle.OPERATIONAL, Lifecycle.FAULTY, Lifecycle.DECOMMISSIONED}) {
            Camera.Outcome o = c.moveTo(next);
            assertThat(o).isInstanceOf(Camera.Moved.class);
            Camera.Moved moved = (Camera.Moved) o;
            assertThat(moved.from()).isEqualTo(c.lifecycle());
            assertThat(moved.camera().lifecycle()).isEqualTo(next);
            assertThat(moved.camera().version()).isEqualTo(c.version() + 1);
            c = moved.camera();
        }
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheCurrentState() {
        assertRefused(Lifecycle.PLANNED, Lifecycle.OPERATIONAL);
        assertRefused(Lifecycle.PLANNED, Lifecycle.FAULTY);
        assertRefused(Lifecycle.INSTALLED, Lifecycle.FAULTY);
        assertRefused(Lifecycle.INSTALLED, Lifecycle.PLANNED);
        assertRefused(Lifecycle.OPERATIONAL, Lifecycle.INSTALLED);
        assertRefused(Lifecycle.OPERATIONAL, Lifecycle.OPERATIONAL);
        assertRefused(Lifecycle.FAULTY, Lifecycle.PLANNED);
        for (Lifecycle any : Lifecycle.values()) {
            assertRefused(Lifecycle.DECOMMISSIONED, any);
        }
    }

    @Test
    void anyLiveStateMayBeDecommissioned() {
        for (Lifecycle l : new Lifecycle[] {Lifecycle.PLANNED, Lifecycle.INSTALLED, Lifecycle.OPERATIONAL, Lifecycle.FAULTY}) {
            assertThat(l.mayMoveTo(Lifecycle.DECOMMISSIONED)).as(l.name()).isTrue();
        }
    }

    @Test
    void onlyOperationalCamerasCover() {
        assertThat(CoverageRule.counts(Lifecycle.OPERATIONAL)).isTrue();
        assertThat(CoverageRule.counts(Lifecycle.FAULTY)).isFalse();
        assertThat(CoverageRule.counts(Lifecycle.INSTALLED)).isFalse();
        assertThat(Lifecycle.DECOMMISSIONED.registrable()).isFalse();
    }

    @Test
    void updatesAreRefusedOnceDecommissionedAndWhenTheZoneIsElsewhere() {
        Camera c = camera(Lifecycle.OPERATIONAL);
        Camera.Details moved = new Camera.Details("DS-2CD", "海康威视", 2, new GeoPoint(43.5, 123.5), null, null);
        assertThat(c.update(c.details(), true)).isInstanceOf(Camera.Unchanged.class);
        assertThat(c.update(moved, false)).isInstanceOf(Camera.ZoneNotInVillage.class);
        assertThat(c.update(moved, true)).isInstanceOf(Camera.Updated.class);
        Camera.Outcome o = camera(Lifecycle.DECOMMISSIONED).update(moved, true);
        assertThat(o).isInstanceOf(Camera.Refused.class);
        assertThat(((Camera.Refused) o).current()).isEqualTo(Lifecycle.DECOMMISSIONED);
    }

    @Test
    void positionsAreValidWgs84() {
        assertThat(GeoPoint.validLatitude(90.0)).isTrue();
        assertThat(GeoPoint.validLatitude(90.01)).isFalse();
        assertThat(GeoPoint.validLongitude(-180.0)).isTrue();
        assertThat(GeoPoint.validLongitude(Double.NaN)).isFalse();
        assertThat(Camera.validSerial("DS-K1T671:0042")).isTrue();
        assertThat(Camera.validSerial("-bad")).isFalse();
        assertThat(Camera.validSerial("a b")).isFalse();
    }

    private static void assertRefused(Lifecycle from, Lifecycle to) {
        Camera.Outcome o = camera(from).moveTo(to);
        assertThat(o).as(from + " → " + to).isInstanceOf(Camera.Refused.class);
        assertThat(((Camera.Refused) o).current()).isEqualTo(from);
        assertThat(((Camera.Refused) o).requested()).isEqualTo(to);
    }
}
