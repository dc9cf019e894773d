package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.villageprojects.domain.Village;

public record VillageView(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 9) String townshipCode, @Size(max = 100) String name,
        @Min(0) @Max(10_000_000) Integer households, @Min(0) @Max(10_000_000) Integer population, boolean demonstration,
        @Min(2000) @Max(2100) Integer creationYear, @Size(max = 50) String creationBatch, ContactView contact,
        @Min(0) @Max(Bounds.COUNT) long version) {
    static VillageView of(Village v) {
        Village.Details d = v.details();
        return new VillageView(v.code().value(), v.townshipCode().value(), d.name(), d.households(), d.population(),
                d.demonstration(), d.creationYear(), d.creationBatch(),
                d.contact() == null ? null : new ContactView(d.contact().name(), d.contact().phone()), v.version());
    }
}
