package io.cunjian.villageprojects.events;

/**
 * The facts about villages, as published on village.events under the village's code (schemas in
 * api-specs/events). Both types carry the whole village after the change, so a consumer needs no
 * earlier event to know it. The village is also a region: its registration publishes
 * {@code cunjian.region.registered.v1} first, and a change of name {@code cunjian.region.renamed.v1}.
 */
public final class VillageEvents {

    public static final String REGISTERED = "cunjian.village.registered.v1";
    public static final String UPDATED = "cunjian.village.updated.v1";

    private VillageEvents() {
    }

    public record Contact(String name, String phone) {
    }

    public record State(String code, String name, String townshipCode, Integer households, Integer population,
            boolean demonstration, Integer creationYear, String creationBatch, Contact contact, long version) {
    }
}
