package io.cunjian.villageprojects.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.StandardVersion;

@Schema(description = "A draft's content: everything but its id and scope.")
public record StandardContent(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
        @Schema(description = "true while the items are not the official ones") boolean illustrative,
        @Size(max = 60) List<@NotNull ItemInput> items) {

    StandardVersion.Content toDomain() {
        return new StandardVersion.Content(nameZh, nameEn, illustrative,
                items == null ? List.of() : items.stream().map(ItemInput::toDomain).toList());
    }
}
