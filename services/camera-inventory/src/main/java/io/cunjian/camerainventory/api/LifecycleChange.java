package io.cunjian.camerainventory.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Lifecycle;

/** A lifecycle transition of a camera. */
public record LifecycleChange(@NotNull @Schema(description = "the state to move to") Lifecycle to,
        @Size(max = 500) @Schema(description = "why, e.g. 镜头损坏") String reason) {
}
