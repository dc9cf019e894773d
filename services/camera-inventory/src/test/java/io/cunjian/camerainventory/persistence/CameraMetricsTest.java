package io.cunjian.camerainventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.camerainventory.domain.LiveStatusStore;
import io.cunjian.testing.MetricLabels;
import io.cunjian.testing.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's camera figures on PostgreSQL: cameras watching, villages whose cameras in service are
 * all silent, heartbeats accepted. Inside one transaction that is rolled back, other tests' cameras are
 * first taken out of service, so the counts are exactly this test's villages.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CameraMetricsTest {

    @Inject
    CameraMetrics metrics;
    @Inject
    LiveStatusStore store;
    @Inject
    MeterRegistry registry;
    @Inject
    DataSource db;

    @Test
    @TestTransaction
    void villagesWithCamerasInServiceAndNoneOnlineAreCountedAsSilent() throws SQLException {
        sql("UPDATE camera SET lifecycle = 'DECOMMISSIONED', online = FALSE");
        camera("MT-WATCHING", "479902001001", "OPERATIONAL");   // heartbeat below: watching
        camera("MT-QUIET", "479902001001", "OPERATIONAL");      // same village: not silent, one watches
        camera("MT-SILENT-1", "479902001002", "OPERATIONAL");   // no heartbeat: a silent village
        camera("MT-SILENT-2", "479902001002", "FAULTY");
        camera("MT-NOT-YET", "479902001003", "INSTALLED");      // not in service yet: not silent
        double before = accepted();

        Instant now = Instant.now();
        store.heartbeat(List.of("MT-WATCHING", "MT-NOT-YET"), now, now.minusSeconds(120));
        metrics.measure();

        assertThat(gauge("cunjian.cameras.watching")).isEqualTo(1.0);
        assertThat(gauge("cunjian.villages.silent")).as("479902001002 only").isEqualTo(1.0);
        assertThat(accepted() - before).isEqualTo(2.0);

        store.heartbeat(List.of("MT-SILENT-1"), now, now.minusSeconds(120));
        metrics.measure();
        assertThat(gauge("cunjian.cameras.watching")).isEqualTo(2.0);
        assertThat(gauge("cunjian.villages.silent")).isZero();
    }

    @Test
    void theCameraMetricsCarryNoLabelAVillageCouldBecome() {
        metrics.measure();
        String exposition = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(MetricLabels.labelsByMetric(exposition)).containsKeys("cunjian_heartbeats_accepted_total",
                "cunjian_cameras_watching", "cunjian_villages_silent");
        assertThat(MetricLabels.violations(exposition)).isEmpty();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double accepted() {
        return registry.get("cunjian.heartbeats.accepted").counter().count();
    }

    private void camera(String serial, String village, String lifecycle) throws SQLException {
        sql("INSERT INTO village_coverage (village_code, zones, covered_zones) VALUES (?, 0, 0) ON CONFLICT DO NOTHING", village);
        long zone;
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO zone (village_code, name, kind, version) VALUES (?, ?, 'OTHER', 0) RETURNING id")) {
            st.setString(1, village);
            st.setString(2, serial);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                zone = rs.getLong(1);
            }
        }
        sql("INSERT INTO camera (serial, model, vendor, village_code, zone_id, latitude, longitude, lifecycle, version)"
                + " VALUES (?, 'M', 'V', ?, ?, 43.5, 123.5, ?, 0)", serial, village, zone, lifecycle);
    }

    private void sql(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }
}
