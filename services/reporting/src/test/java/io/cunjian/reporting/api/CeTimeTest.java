package io.cunjian.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The replay's fast reading of ce_time orders events exactly as {@code OffsetDateTime.parse} would. */
class CeTimeTest {

    @Test
    void readsTheTimesProducersWriteToTheNanosecond() {
        for (String t : new String[] {"2026-01-01T08:00:00+08:00", "2026-01-01T00:00:00Z", "2026-02-28T23:59:59.999999999-05:30",
                "2024-02-29T12:00:00.5+00:00", "1969-12-31T23:59:59.000001Z", "2026-12-07T21:50:27.123+08:00"}) {
            Instant expected = OffsetDateTime.parse(t).toInstant();
            assertThat(CeTime.epochNanos(t.getBytes(StandardCharsets.US_ASCII))).as(t)
                    .isEqualTo(expected.getEpochSecond() * 1_000_000_000L + expected.getNano());
        }
    }

    @Test
    void leavesAnythingElseToTheGeneralParser() {
        for (String t : new String[] {"2026-02-30T08:00:00Z", "2026-01-01 08:00:00Z", "2026-01-01T08:00:00", "2026-01-01T08:00Z",
                "2026-01-01T08:00:00.+08:00", "2026-01-01T08:00:00.1234567891Z", "2026-01-01T24:00:00Z", "yesterday at noon"}) {
            assertThat(CeTime.epochNanos(t.getBytes(StandardCharsets.US_ASCII))).as(t).isEqualTo(CeTime.UNREAD);
        }
    }
}
