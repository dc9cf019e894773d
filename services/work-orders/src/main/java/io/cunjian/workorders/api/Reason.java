package io.cunjian.workorders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Reason(@NotBlank @Size(max = 2000) String reason) {
}
