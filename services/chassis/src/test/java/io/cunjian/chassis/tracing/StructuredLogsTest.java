package io.cunjian.chassis.tracing;

import static io.cunjian.chassis.fixture.Http.en;
import static io.cunjian.chassis.fixture.Http.problem;
import static io.cunjian.testing.RecordedSpans.clientTraceParent;
import static io.cunjian.testing.RecordedSpans.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code LOG_JSON=true} turns every log line into one JSON object whose {@code mdc} names the trace and span
 * the line was written in, so an operator finds a failed request's lines by the trace id its 5xx body gave.
 * The console and a log file follow the same switch; the file is what a test can read.
 */
@QuarkusTest
@TestProfile(StructuredLogsTest.JsonLogs.class)
@WithTestResource(RealInfrastructure.class)
class StructuredLogsTest {

    static final Path LOG = Path.of("target", "structured-logs", "chassis.log");

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("LOG_JSON", "true", "quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndAFailedRequestsLineCarriesItsTraceAndSpan() throws IOException {
        String traceId = randomHex(32);
        String errorId = problem(en().header("traceparent", clientTraceParent(traceId, randomHex(16)))
                .get("/test/villages/broken"), 500, "internal").getString("errorId");

        JsonNode line = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream()
                .filter(l -> l.path("message").asText().contains(errorId)).findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.path("exception").isMissingNode()).as("the stack trace stays in the log, under the error id").isFalse();
    }

    /** Every line of the file, each parsed as JSON: a line that is not JSON fails the test. */
    private static List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            if (!text.isBlank()) {
                lines.add(JSON.readTree(text));
            }
        }
        return lines;
    }
}
