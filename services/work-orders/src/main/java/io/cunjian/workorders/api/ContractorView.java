package io.cunjian.workorders.api;

import io.cunjian.workorders.domain.Contractor;

public record ContractorView(String id, String name, ContactView contact, boolean active, long version) {

    static ContractorView of(Contractor c) {
        Contractor.Details d = c.details();
        return new ContractorView(c.id(), d.name(),
                d.contact() == null ? null : new ContactView(d.contact().name(), d.contact().phone()), d.active(), c.version());
    }
}
