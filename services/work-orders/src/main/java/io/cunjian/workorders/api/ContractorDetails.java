package io.cunjian.workorders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.workorders.domain.Contractor;

@Schema(description = "What may change about a contractor: everything but its code.")
public record ContractorDetails(@NotBlank @Size(max = 200) @Schema(examples = "四平市某照明工程有限公司") String name,
        @Valid ContactInput contact,
        @Schema(description = "inactive contractors keep their orders but take no new ones; default true") Boolean active) {

    Contractor.Details toDomain() {
        return new Contractor.Details(name, contact == null ? null : new Contractor.Contact(contact.name(), contact.phone()),
                active == null || active);
    }
}
