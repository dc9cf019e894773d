package io.cunjian.workorders.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of evidence photos (ADR 0008). */
@ConfigMapping(prefix = "cunjian.photos")
public interface PhotoConfig {

    /** The largest photo accepted, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /** How far from the order's position a photo may be taken before it is flagged FAR_FROM_SITE. */
    @WithDefault("1000")
    double maxDistanceMetres();
}
