package io.cunjian.villageprojects.api;

import io.cunjian.villageprojects.domain.Village;

public record VillageView(String code, String townshipCode, String name, Integer households, Integer population,
        boolean demonstration, Integer creationYear, String creationBatch, ContactView contact, long version) {
    static VillageView of(Village v) {
        Village.Details d = v.details();
        return new VillageView(v.code().value(), v.townshipCode().value(), d.name(), d.households(), d.population(),
                d.demonstration(), d.creationYear(), d.creationBatch(),
                d.contact() == null ? null : new ContactView(d.contact().name(), d.contact().phone()), v.version());
    }
}
