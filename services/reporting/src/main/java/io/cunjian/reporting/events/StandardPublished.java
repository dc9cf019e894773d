package io.cunjian.reporting.events;

import java.util.List;

/** {@code cunjian.standard.published.v1}: a version of the creation standard and its items. */
public record StandardPublished(String id, String scope, String nameZh, String nameEn, boolean illustrative,
        String basedOn, List<Item> items, String publishedBy) {

    /** An item of the standard and how progress on it is measured. */
    public record Item(String code, String kind, String labelZh, String labelEn, String measure,
            List<String> countsGroups) {
    }
}
