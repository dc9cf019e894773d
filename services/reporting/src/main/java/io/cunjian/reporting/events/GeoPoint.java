package io.cunjian.reporting.events;

import java.math.BigDecimal;

/** A point in WGS-84, as the camera events give positions. */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {
}
