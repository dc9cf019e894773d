package io.cunjian.villageprojects.api;

import java.util.List;

public record VillagePage(List<VillageView> items, int page, int size, long total) {
}
