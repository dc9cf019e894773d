package io.cunjian.reporting.events;

/** {@code cunjian.village.registered.v1} and {@code cunjian.village.updated.v1}: the village after the change. */
public record VillageRegistered(String code, String name, String townshipCode, Integer households, Integer population,
        boolean demonstration, Integer creationYear, String creationBatch, Contact contact, long version) {

    public record Contact(String name, String phone) {
    }
}
