package io.cunjian.chassis.spreadsheet;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one imported file may hold (ADR 0037). The request body limit (ADR 0031) bounds the bytes sent; these bound
 * what they expand to: an XLSX is a zip, and a few megabytes of it can inflate to gigabytes (a zip bomb).
 */
@ConfigMapping(prefix = "cunjian.import")
public interface ImportLimits {

    /** Data rows (the header not counted); more refuses the file. */
    @WithDefault("20000")
    int maxRows();

    /** Non-empty cells, the header's included; more refuses the file. */
    @WithDefault("400000")
    long maxCells();

    /** The largest part of an XLSX once inflated (POI's ZipSecureFile max entry size). */
    @WithDefault("64M")
    MemorySize maxEntrySize();

    /**
     * The smallest ratio of compressed to inflated size of an XLSX part (POI's ZipSecureFile minimum inflate ratio):
     * text compresses about ten times, a bomb thousands of times.
     */
    @WithDefault("0.01")
    double minInflateRatio();
}
