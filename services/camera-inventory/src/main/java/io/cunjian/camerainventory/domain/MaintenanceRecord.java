package io.cunjian.camerainventory.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of a camera's maintenance log, as recorded (who recorded it, when). */
public record MaintenanceRecord(long id, String serial, LocalDate doneOn, MaintenanceKind kind, String notes,
        String technician, String recordedBy, OffsetDateTime recordedAt) {
}
