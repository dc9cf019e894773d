package io.cunjian.villageprojects.persistence;

/** Text searched for with SQL {@code like ... escape '\'}: a name may hold % or _, searched for as themselves. */
final class Like {

    private Like() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
