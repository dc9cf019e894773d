package io.cunjian.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;

/**
 * Rebuilds reporting's read models from offset zero while it runs, through its admin operation
 * (reporting replays the topics into fresh tables and switches over when caught up), and reads each
 * village's figures before and after so that the command can say whether they came out the same.
 */
final class ReportingRebuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Postgres.Server db;
    private final String database;

    ReportingRebuild(Postgres.Server db, String database) {
        this.db = db;
        this.database = database;
    }

    /** Each village's progress, standard and 达标, as text: what must come out the same. */
    Map<String, String> figures() throws SQLException {
        Map<String, String> figures = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT village_code, standard_id, progress, meets, items_met FROM rp_village_progress")) {
            while (rs.next()) {
                figures.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
                        + rs.getBoolean(4) + " " + rs.getInt(5));
            }
        }
        return figures;
    }

    /**
     * Asks reporting for a rebuild ({@code POST /api/v1/admin/rebuilds}) and follows it until it has
     * switched over or failed; returns its final state as reporting describes it.
     */
    JsonNode run(String reportingUrl, String bearerToken, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(reportingUrl + "/api/v1/admin/rebuilds"))
                .header("Authorization", "Bearer " + bearerToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 201) {
            throw new IllegalStateException("reporting refused the rebuild: " + started.statusCode() + " " + started.body());
        }
        URI location = URI.create(reportingUrl).resolve(started.headers().firstValue("Location").orElseThrow());
        JsonNode[] last = {JSON.readTree(started.body())};
        boolean done = Processes.await(timeout, () -> {
            try {
                last[0] = JSON.readTree(http.send(HttpRequest.newBuilder(location).header("Authorization", "Bearer " + bearerToken)
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                return !"BUILDING".equals(last[0].path("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        if (!done) {
            throw new IllegalStateException("the rebuild had not finished after " + timeout + ": " + last[0]);
        }
        return last[0];
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), db.user(), "");
    }
}
