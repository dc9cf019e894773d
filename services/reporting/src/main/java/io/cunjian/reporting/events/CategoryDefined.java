package io.cunjian.reporting.events;

/** {@code cunjian.category.defined.v1}: a category of work, the unit its quantities are counted in and its group. */
public record CategoryDefined(String code, String nameZh, String nameEn, String unit, String unitZh, String group,
        long version) {
}
