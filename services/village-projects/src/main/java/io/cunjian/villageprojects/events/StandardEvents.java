package io.cunjian.villageprojects.events;

import java.util.List;

/**
 * The fact about standards others rely on, published on village.events under
 * {@code standard:<id>}: a version was published, with all its items. Drafts publish nothing.
 */
public final class StandardEvents {

    public static final String PUBLISHED = "cunjian.standard.published.v1";

    private StandardEvents() {
    }

    public static String key(String id) {
        return "standard:" + id;
    }

    public record Item(String code, String kind, String labelZh, String labelEn, String measure, List<String> countsGroups) {
    }

    public record Published(String id, String scope, String nameZh, String nameEn, boolean illustrative, String basedOn,
            List<Item> items, String publishedBy) {
    }
}
