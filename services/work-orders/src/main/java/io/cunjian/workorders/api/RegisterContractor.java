package io.cunjian.workorders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegisterContractor(
        @NotBlank @Size(max = 18) @Schema(description = "18-character unified social credit code (统一社会信用代码), check character validated",
                examples = "91220300MA14ABCD1X") String id,
        @NotBlank @Size(max = 200) String name, @Valid ContactInput contact, Boolean active) {
}
