package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;

/** An inspection as the register keeps it, with when it was recorded (the tie-break between same-day ones). */
public record InspectionOnFile(Inspection inspection, OffsetDateTime recordedAt) {
}
