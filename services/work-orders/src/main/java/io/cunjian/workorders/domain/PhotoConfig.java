package io.cunjian.workorders.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of evidence photos (ADR 0008). */
@ConfigMapping(prefix = "cunjian.photos")
public interface PhotoConfig {

    /** The largest photo accepted, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /**
     * The most pixels (width × height, as the image's header declares them) a photo may have. A decoder needs
     * memory for every one of them, whatever the file's size: a 50 KB JPEG may declare 65,535 × 65,535. The
     * default admits a full-resolution 48 or 50 megapixel phone photo.
     */
    @WithDefault("50000000")
    long maxPixels();

    /** How far from the order's position a photo may be taken before it is flagged FAR_FROM_SITE. */
    @WithDefault("1000")
    double maxDistanceMetres();
}
