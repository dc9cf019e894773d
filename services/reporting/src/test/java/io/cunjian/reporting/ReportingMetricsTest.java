package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.MetricLabels;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the dashboard reads from reporting beside the chassis' consumer metrics: how long a roll-up
 * takes per administrative level, and how far a rebuild has come.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class ReportingMetricsTest {

    @Test
    void aRollUpIsTimedByItsLevelNeverByItsCode() {
        double before = value("cunjian_reporting_rollup_seconds_count\\{level=\"township\"[^}]*\\}");
        given().get("/api/v1/reports/regions/220382105").then().statusCode(200);
        given().get("/api/v1/reports/regions/220382").then().statusCode(200);

        String metrics = metrics();
        assertThat(value("cunjian_reporting_rollup_seconds_count\\{level=\"township\"[^}]*\\}")).isEqualTo(before + 1);
        assertThat(metrics).containsPattern("cunjian_reporting_rollup_seconds_count\\{level=\"county\"")
                .containsPattern("cunjian_reporting_rollup_seconds_bucket\\{level=\"township\",le=\"0.01\"")
                .doesNotContain("220382");
        assertThat(MetricLabels.violations(metrics)).as("labels outside the allow-list of docs/operations/metrics.md").isEmpty();
    }

    @Test
    void aRebuildShowsWhatItReplayedAndNothingLeftWhenItIsDone() {
        String admin = SignIn.bearer(Tokens.districtAdmin("22"));
        String location = given().header("Authorization", admin).post("/api/v1/admin/rebuilds").then().statusCode(201)
                .extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                !"BUILDING".equals(given().header("Authorization", admin).get(location).then().statusCode(200)
                        .extract().jsonPath().getString("state")));
        JsonPath rebuild = given().header("Authorization", admin).get(location).then().extract().jsonPath();
        assertThat(rebuild.getString("state")).isEqualTo("SWITCHED");

        assertThat(value("cunjian_rebuild_records_replayed")).as("records read include repeats and unreadable ones")
                .isGreaterThanOrEqualTo(rebuild.getLong("events"));
        assertThat(value("cunjian_rebuild_records_remaining")).isZero();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first series matching {@code series} (a regex of name and labels), 0 when absent; an exemplar after it is ignored. */
    private static double value(String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)(?: #.*)?$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
