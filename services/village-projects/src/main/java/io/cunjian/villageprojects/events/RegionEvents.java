package io.cunjian.villageprojects.events;

/** The facts about regions, as published on village.events (schemas in api-specs/events). */
public final class RegionEvents {

    public static final String REGISTERED = "cunjian.region.registered.v1";
    public static final String RENAMED = "cunjian.region.renamed.v1";

    private RegionEvents() {
    }

    public record Registered(String code, String name, String level, String parentCode, long version) {
    }

    public record Renamed(String code, String name, String previousName, long version) {
    }
}
