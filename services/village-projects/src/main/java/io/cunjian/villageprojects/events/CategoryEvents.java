package io.cunjian.villageprojects.events;

/** The facts about work categories, on village.events under the key {@code category:<code>}. */
public final class CategoryEvents {

    public static final String DEFINED = "cunjian.category.defined.v1";
    public static final String RENAMED = "cunjian.category.renamed.v1";

    private CategoryEvents() {
    }

    public static String key(String code) {
        return "category:" + code;
    }

    /** {@code unit} is the English code (e.g. {@code LAMP}), {@code unitZh} its measure word (盏). */
    public record Defined(String code, String nameZh, String nameEn, String unit, String unitZh, String group, long version) {
    }

    public record Renamed(String code, String nameZh, String nameEn, String previousNameZh, String previousNameEn,
            long version) {
    }
}
