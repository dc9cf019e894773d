package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RenameRegion(@NotBlank @Size(max = 100) String name) {
}
