package io.cunjian.camerainventory.domain;

import java.util.List;

/** Filters of a camera list; null means "any"; {@code regions}: the caller's readable region prefixes. */
public record CameraFilter(List<String> regions, String within, String village, Long zoneId, Lifecycle lifecycle,
        Boolean online, String vendor) {
}
