package io.cunjian.reporting.events;

/** {@code cunjian.category.renamed.v1}. */
public record CategoryRenamed(String code, String nameZh, String nameEn, String previousNameZh, String previousNameEn,
        long version) {
}
