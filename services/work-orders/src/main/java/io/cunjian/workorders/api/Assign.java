package io.cunjian.workorders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Assign(@NotBlank @Size(max = 18) @Schema(examples = "91220300MA14ABCD1X") String contractorId) {
}
