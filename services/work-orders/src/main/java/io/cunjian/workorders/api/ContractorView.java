package io.cunjian.workorders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.workorders.domain.Contractor;

public record ContractorView(@Size(max = 18) String id, @Size(max = 200) String name, ContactView contact, boolean active,
        @Min(0) @Max(Bounds.COUNT) long version) {

    static ContractorView of(Contractor c) {
        Contractor.Details d = c.details();
        return new ContractorView(c.id(), d.name(),
                d.contact() == null ? null : new ContactView(d.contact().name(), d.contact().phone()), d.active(), c.version());
    }
}
