package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RegisterRegion(@NotBlank @Size(max = 12) String code, @NotBlank @Size(max = 100) String name) {
}
