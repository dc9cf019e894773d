package io.cunjian.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * A partial verification (less than claimed, with a reason) as a consumer still running the released
 * contract reads it: the released {@code cunjian.workorder.verified.v1} does not declare {@code reason},
 * yet its tolerant view — what every consumer validates with — accepts the record, so an older
 * reporting or replica does not send it to the dead-letter topic during a rolling upgrade. The
 * current contract declares it, so the producer may write it.
 */
class ReleasedReadersOfAPartialVerificationTest {

    static final Path RELEASED = Path.of(System.getProperty("cunjian.root", "../.."))
            .resolve("api-specs/released/events/cunjian.workorder.verified.v1.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static final String PARTIAL = """
            {"orderId":"6f1c2a52-4a8e-4f55-9d43-2b7c1d1e9a10","villageCode":"220382201001",
             "categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":80,"status":"VERIFIED",
             "previousStatus":"COMPLETED","by":"demo.staff","version":6,"contractorId":"91220300MA14ABCD1X",
             "actualQuantity":80,"verifiedQuantity":76,"reason":"4 盏灯头未更换"}""";

    @Test
    void aReleasedConsumerReadsTheReasonItDoesNotKnowAndTheProducerMayWriteIt() throws IOException {
        JsonNode released = JSON.readTree(RELEASED.toFile());
        JsonNode data = JSON.readTree(PARTIAL);
        JsonSchema asReleased = FACTORY.getSchema(released.deepCopy());
        JsonSchema asAReleasedConsumerReads = FACTORY.getSchema(EventSchemas.tolerant(released.deepCopy()));

        assertThat(asReleased.validate(data)).as("the released contract does not know reason").isNotEmpty();
        assertThat(asAReleasedConsumerReads.validate(data)).as("but its readers ignore it").isEmpty();
        assertThat(EventSchemas.problems("cunjian.workorder.verified.v1", data)).as("the current contract declares it")
                .isEmpty();
        assertThat(EventSchemas.readingProblems("cunjian.workorder.verified.v1", data)).isEmpty();
    }
}
