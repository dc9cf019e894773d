package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.Inspection;

public record RecordInspection(@NotBlank @Size(max = 50) @Schema(examples = "no-ruined-walls") String itemCode,
        @NotNull Inspection.Verdict verdict,
        @NotNull @Schema(description = "day of the inspection (not in the future, China time)") LocalDate inspectedOn,
        @Size(max = 100) @Schema(description = "who inspected; the signed-in user when absent") String inspector,
        @Size(max = 2000) String notes,
        @Size(max = 20) List<@NotNull @Size(max = 500) @Pattern(regexp = RecordInspection.LINK) String> photos) {

    Inspection.Report toDomain() {
        return new Inspection.Report(itemCode, verdict, inspectedOn, inspector, notes, photos);
    }

    /** A photo is a link to where it is kept (http or https), not the photo itself. */
    static final String LINK = "^https?://[^\\s]{1,490}$";
}
