package io.cunjian.camerainventory.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.MaintenanceKind;

/** One entry for a camera's maintenance log, as staff send it. */
public record MaintenanceInput(@NotNull LocalDate doneOn, @NotNull MaintenanceKind kind, @Size(max = 2000) String notes,
        @NotBlank @Size(max = 100) String technician) {

    CameraService.MaintenanceEntry toDomain() {
        return new CameraService.MaintenanceEntry(doneOn, kind, notes, technician);
    }
}
