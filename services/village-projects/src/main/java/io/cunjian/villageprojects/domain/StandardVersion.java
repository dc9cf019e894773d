package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Objects;

import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.villageprojects.events.StandardEvents;

/**
 * One version of a creation standard (e.g. Jilin's 九有六无): the items a village must have
 * ({@code HAVE}) or be free of ({@code NONE}), each judged by one {@link Measure}. A draft may be
 * edited; publishing freezes it for good. Villages follow a published version through their
 * creation plan, and move to a newer one only when their plan says so.
 */
public record StandardVersion(String id, String scope, String nameZh, String nameEn, boolean illustrative,
        String basedOn, Status status, List<Item> items, long version) {

    /** Lower-case kebab case, like category codes: {@code jilin-illustrative-v1}. */
    public static final String ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    public enum Status {
        DRAFT, PUBLISHED
    }

    public enum Kind {
        HAVE, NONE
    }

    /** How an item's progress is measured (docs/design.md, "The standard and how progress is computed"). */
    public enum Measure {
        /** Verified work-order quantities of the categories in {@link Item#countsGroups()}, against plan targets. */
        WORK_QUANTITY,
        /** Camera-inventory's covered zones (and optionally a minimum of operational cameras), against the plan. */
        CAMERA_COVERAGE,
        /** The latest inspection verdict. */
        INSPECTION
    }

    /** An item of the standard; {@code countsGroups} is set for WORK_QUANTITY items only. */
    public record Item(String code, Kind kind, String labelZh, String labelEn, Measure measure,
            List<WorkCategory.Group> countsGroups) {

        public Item {
            labelZh = labelZh == null ? null : labelZh.strip();
            labelEn = labelEn == null ? null : labelEn.strip();
            countsGroups = countsGroups == null ? List.of() : List.copyOf(countsGroups);
        }

        public boolean counts(WorkCategory.Group group) {
            return measure == Measure.WORK_QUANTITY && countsGroups.contains(group);
        }
    }

    /** What a draft's author may change: everything but its id and scope. */
    public record Content(String nameZh, String nameEn, boolean illustrative, List<Item> items) {
        public Content {
            Objects.requireNonNull(nameZh, "nameZh");
            Objects.requireNonNull(nameEn, "nameEn");
            nameZh = nameZh.strip();
            nameEn = nameEn.strip();
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public sealed interface Rejection permits AlreadyExists, InvalidItems, BasisNotFound {
    }

    public record AlreadyExists(String id) implements Rejection {
    }

    public record InvalidItems(List<Violation> violations) implements Rejection {
    }

    public record BasisNotFound(String basedOn) implements Rejection {
    }

    public sealed interface Outcome permits Accepted, Unchanged, Rejected {
    }

    /** {@code event} is null for drafts: only published versions are facts others rely on. */
    public record Accepted(StandardVersion standard, StandardEvents.Published event) implements Outcome {
    }

    public record Unchanged(StandardVersion standard) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    public static boolean isValidId(String id) {
        return id != null && id.length() <= 50 && id.matches(ID_PATTERN);
    }

    /** A new draft; its items may still be incomplete (they are checked in full when published). */
    public static Outcome draft(String id, String scope, String basedOn, Content content, boolean idTaken) {
        if (idTaken) {
            return new Rejected(new AlreadyExists(id));
        }
        List<Violation> violations = StandardItemsPolicy.violations(content.items(), false);
        if (!violations.isEmpty()) {
            return new Rejected(new InvalidItems(violations));
        }
        return new Accepted(new StandardVersion(id, scope, content.nameZh(), content.nameEn(), content.illustrative(),
                basedOn, Status.DRAFT, content.items(), 0), null);
    }

    public Outcome edit(Content content) {
        if (status != Status.DRAFT) {
            throw frozen();
        }
        List<Violation> violations = StandardItemsPolicy.violations(content.items(), false);
        if (!violations.isEmpty()) {
            return new Rejected(new InvalidItems(violations));
        }
        if (content.equals(content())) {
            return new Unchanged(this);
        }
        return new Accepted(new StandardVersion(id, scope, content.nameZh(), content.nameEn(), content.illustrative(),
                basedOn, status, content.items(), version + 1), null);
    }

    /** Freezes the version, if its items make a complete standard. */
    public Outcome publish(String publishedBy) {
        if (status != Status.DRAFT) {
            throw frozen();
        }
        List<Violation> violations = StandardItemsPolicy.violations(items, true);
        if (!violations.isEmpty()) {
            return new Rejected(new InvalidItems(violations));
        }
        StandardVersion published = new StandardVersion(id, scope, nameZh, nameEn, illustrative, basedOn,
                Status.PUBLISHED, items, version + 1);
        return new Accepted(published, published.publishedEvent(publishedBy));
    }

    /**
     * Published versions are frozen: no edit, no second publication. The refusal names the field that froze
     * it ({@code status}) and the state it is in.
     */
    private RuntimeException frozen() {
        return new StateConflict(status.name(), "problem.standard.frozen", id).field("status", "problem.standard.frozen.field");
    }

    /** The version as {@code cunjian.standard.published.v1} carries it, with all its items. */
    StandardEvents.Published publishedEvent(String publishedBy) {
        return new StandardEvents.Published(id, scope, nameZh, nameEn, illustrative, basedOn,
                items.stream().map(i -> new StandardEvents.Item(i.code(), i.kind().name(), i.labelZh(), i.labelEn(),
                        i.measure().name(), i.countsGroups().stream().map(Enum::name).toList())).toList(),
                publishedBy);
    }

    public Content content() {
        return new Content(nameZh, nameEn, illustrative, items);
    }

    public java.util.Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Whether a village (or any region) with this code may follow the version. */
    public boolean covers(String regionCode) {
        return regionCode.startsWith(scope);
    }

    public String key() {
        return StandardEvents.key(id);
    }
}
