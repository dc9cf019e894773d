package io.cunjian.camerainventory.domain;

import java.util.List;

/**
 * Filters of a camera list; null means "any". {@code regions}: the caller's readable region prefixes,
 * which the use case fills in ({@link #scopedTo}); the api leaves them null.
 */
public record CameraFilter(List<String> regions, String within, String village, Long zoneId, Lifecycle lifecycle,
        Boolean online, String vendor) {

    /** The narrowest region the filter names: its village, else its {@code within} (null or empty: none). */
    String scope() {
        return village != null && !village.isEmpty() ? village : within;
    }

    CameraFilter scopedTo(List<String> readable) {
        return new CameraFilter(readable, within, village, zoneId, lifecycle, online, vendor);
    }
}
