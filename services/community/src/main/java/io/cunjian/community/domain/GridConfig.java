package io.cunjian.community.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The grid's settings ({@code cunjian.community.*}, docs/adr/0039-the-grid.md). */
@ConfigMapping(prefix = "cunjian.community")
public interface GridConfig {

    @WithName("group-size")
    GroupSize groupSize();

    /** How many households a 十户联防 group holds: “ten households” in name, 5 to 15 by default. */
    interface GroupSize {
        @WithDefault("5")
        int min();

        @WithDefault("15")
        int max();
    }
}
