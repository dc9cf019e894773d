package io.cunjian.villageprojects.api;

import java.util.List;

public record RegionPage(List<RegionView> items, int page, int size, long total) {
}
