package io.cunjian.camerainventory.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;

/** A camera to register (POST /api/v1/cameras). */
public record RegisterCamera(
        @NotBlank @Size(max = HeartbeatResource.SERIAL) @Pattern(regexp = Camera.SERIAL_PATTERN) @Schema(description = "the device serial; unique, never changes", examples = "DS-K1T671-0042") String serial,
        @NotBlank @Size(max = Bounds.REGION_CODE) @Pattern(regexp = RegionCode.VILLAGE_PATTERN) @Schema(examples = "220382201201")
        String villageCode,
        @NotNull @Min(1) @Max(Long.MAX_VALUE) Long zoneId, @NotBlank @Size(max = 100) String model, @NotBlank @Size(max = 100) String vendor,
        @NotNull @Valid Views.Point position, LocalDate installedOn, @Size(max = 100) String installer,
        @Schema(description = "PLANNED (default), INSTALLED or OPERATIONAL for a camera already at work") Lifecycle lifecycle) {

    CameraService.NewCamera toDomain() {
        return new CameraService.NewCamera(serial, villageCode,
                new CameraDetails(zoneId, model, vendor, position, installedOn, installer).toDomain(),
                lifecycle == null ? Lifecycle.PLANNED : lifecycle);
    }
}
