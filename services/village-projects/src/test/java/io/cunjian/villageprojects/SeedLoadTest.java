package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.outbox.OutboxRelay;
import io.cunjian.local.Seeds;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * seeds/village-projects.json, loaded through the API the way `stack start` loads it: the article's
 * regions, villages and plans arrive, and a second load leaves every row and the outbox as they were.
 * It has a database of its own: the seeds register 22 and 2203, which other tests register themselves.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "seeds"))
@SignedInAs(role = "viewer", regions = {"22"})
class SeedLoadTest {

    static final String[] TABLES = {"region", "village", "work_category", "standard_version", "creation_plan",
            "plan_revision", "outbox_event"};

    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource db;
    @Inject
    OutboxRelay relay;

    @Test
    void theArticlesVillagesAndPlansLoadOnceAndASecondLoadChangesNothing() throws Exception {
        Path seeds = Path.of(System.getProperty("cunjian.root")).resolve("seeds");
        String baseUrl = base.toString().replaceAll("/$", "");
        Seeds loader = new Seeds(seeds, Map.of("village-projects", baseUrl), new Seeds.TokenSource() {
            @Override
            public String districtAdmin() {
                return Tokens.districtAdmin("22");
            }

            @Override
            public String contractor(String contractorId) {
                return Tokens.contractor(contractorId, "22");
            }

            @Override
            public String device(String region) {
                return Tokens.device(region);
            }
        });

        Seeds.Report first = loader.load();
        // regions, villages and plans: the article's (9, 3, 3) and 铁东区's township and seven demonstration villages
        assertThat(first.created()).isEqualTo(10 + 10 + 10);
        org.awaitility.Awaitility.await().until(() -> relay.pendingCount() == 0);
        Map<String, List<String>> before = snapshot();

        Seeds.Report second = loader.load();
        assertThat(second.created()).isZero();
        assertThat(second.existing()).isEqualTo(first.created());
        assertThat(snapshot()).isEqualTo(before);

        given().get("/api/v1/villages/220322201201").then().statusCode(200).body("name", equalTo("长岭子村"))
                .body("population", equalTo(1200));
        given().get("/api/v1/villages/220382201001").then().statusCode(200).body("households", equalTo(90))
                .body("demonstration", equalTo(true));
        given().get("/api/v1/villages/220382201001/plan").then().statusCode(200)
                .body("standardId", equalTo("jilin-illustrative-v1"))
                .body("workTargets.size()", equalTo(21))
                .body("workTargets.find { it.categoryCode == 'street-lamp-repair' }.quantity", equalTo(80))
                .body("workTargets.find { it.categoryCode == 'flower' }.quantity", equalTo(42000))
                .body("workTargets.find { it.categoryCode == 'parking-space' }.itemCode", equalTo("roads-and-drainage"))
                .body("coverageTargets[0].minimumOperationalCameras", equalTo(12));
        given().get("/api/v1/villages/220382202201/plan").then().statusCode(200).body("workTargets.size()", equalTo(0));
        given().get("/api/v1/regions/220322002").then().statusCode(200).body("name", equalTo("康平街道"));
        for (int i = 1; i <= 7; i++) {
            String code = "2203031002%02d".formatted(i);
            given().get("/api/v1/villages/" + code).then().statusCode(200).body("demonstration", equalTo(true));
            given().get("/api/v1/villages/" + code + "/plan").then().statusCode(200).body("workTargets.size()", equalTo(3));
        }
    }

    /** Every row of the tables a load could touch, as text (the outbox too: no new events). */
    private Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            line.append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }
}
