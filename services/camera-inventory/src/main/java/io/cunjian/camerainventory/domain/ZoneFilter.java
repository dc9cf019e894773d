package io.cunjian.camerainventory.domain;

import java.util.List;

/** Filters of a zone list; null means "any"; {@code regions}: the caller's readable region prefixes, never empty. */
public record ZoneFilter(List<String> regions, String within, String village, ZoneKind kind, Boolean covered) {
}
