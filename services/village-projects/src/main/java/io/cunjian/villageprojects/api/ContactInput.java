package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ContactInput(@NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 26) @Pattern(regexp = ContactInput.PHONE) @Schema(examples = "13904340000") String phone) {

    /** A phone number as people write it: digits, spaces and dashes, an optional leading +. */
    static final String PHONE = "^\\+?[0-9][0-9 -]{4,24}$";
}
