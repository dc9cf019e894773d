package io.cunjian.villageprojects.domain;

import io.cunjian.villageprojects.events.CategoryEvents;

/**
 * A kind of work the programme counts (路灯维修, 景观树 …), in one unit. The unit and the group are
 * fixed when the category is defined: plans and verified quantities of work orders are counted in
 * that unit, so a category in another unit is another category. Only the names may be corrected.
 */
public record WorkCategory(String code, String nameZh, String nameEn, Unit unit, Group group, long version) {

    /** Lower-case kebab case: {@code street-lamp-repair}. */
    public static final String CODE_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    public enum Group {
        LIGHTING, ROAD, GREENING, AMENITY
    }

    /** The measure words the article counts in, each with a stable English code. */
    public enum Unit {
        LAMP("盏"), PIECE("个"), METRE("米"), PLANT("株"), JIN("斤"), SITE("处"), SET("套"), BOARD("块"), BENCH("条");

        public final String zh;

        Unit(String zh) {
            this.zh = zh;
        }
    }

    public sealed interface Rejection permits AlreadyDefined, NamesUnchanged {
    }

    public record AlreadyDefined(String code) implements Rejection {
    }

    public record NamesUnchanged(String nameZh, String nameEn) implements Rejection {
    }

    public sealed interface Outcome<E> permits Accepted, Rejected {
    }

    public record Accepted<E>(WorkCategory category, E event) implements Outcome<E> {
    }

    public record Rejected<E>(Rejection rejection) implements Outcome<E> {
    }

    public static boolean isValidCode(String code) {
        return code != null && code.length() <= 50 && code.matches(CODE_PATTERN);
    }

    public static Outcome<CategoryEvents.Defined> define(String code, String nameZh, String nameEn, Unit unit, Group group,
            boolean alreadyDefined) {
        if (alreadyDefined) {
            return new Rejected<>(new AlreadyDefined(code));
        }
        WorkCategory c = new WorkCategory(code, nameZh.strip(), nameEn.strip(), unit, group, 0);
        return new Accepted<>(c, new CategoryEvents.Defined(code, c.nameZh, c.nameEn, unit.name(), unit.zh, group.name(), 0));
    }

    public Outcome<CategoryEvents.Renamed> rename(String newNameZh, String newNameEn) {
        String zh = newNameZh.strip();
        String en = newNameEn.strip();
        if (zh.equals(nameZh) && en.equals(nameEn)) {
            return new Rejected<>(new NamesUnchanged(zh, en));
        }
        WorkCategory renamed = new WorkCategory(code, zh, en, unit, group, version + 1);
        return new Accepted<>(renamed, new CategoryEvents.Renamed(code, zh, en, nameZh, nameEn, renamed.version));
    }

    public String key() {
        return CategoryEvents.key(code);
    }
}
