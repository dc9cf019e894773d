package io.cunjian.community.domain;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.cunjian.community.events.CommunityEvents;

/**
 * A member of a household as far as the service needs one: a name and the relation to the 户主. Once erased the
 * name is gone ({@code name} null, {@code erasedAt} set) and the person stays as an id other records may name.
 */
public record Person(UUID id, UUID householdId, String villageCode, String name, Relation relation,
        OffsetDateTime erasedAt, long version) {

    /** What is collected of a member: nothing more (docs/adr/0038-personal-data-in-community.md). */
    public record Details(String name, Relation relation) {

        public Details {
            name = Objects.requireNonNull(name, "name").strip();
            Objects.requireNonNull(relation, "relation");
        }
    }

    /** The personal fields erasure removes, as the audit entry names them. */
    public static final String PERSONAL_FIELDS = "name";

    public boolean erased() {
        return erasedAt != null;
    }

    public sealed interface Erasure permits Erased, AlreadyErased {
    }

    /** The person without personal fields, and the event saying so (ids only). */
    public record Erased(Person person, CommunityEvents.MemberErased event) implements Erasure {
    }

    public record AlreadyErased(UUID personId) implements Erasure {
    }

    /** Erasure on request: the name goes; the id, household and relation stay. Erasing twice changes nothing. */
    public Erasure erase(OffsetDateTime at) {
        if (erased()) {
            return new AlreadyErased(id);
        }
        Person erased = new Person(id, householdId, villageCode, null, relation, at, version + 1);
        return new Erased(erased, new CommunityEvents.MemberErased(id, householdId, villageCode));
    }

    public CommunityEvents.MemberAdded added() {
        return new CommunityEvents.MemberAdded(id, householdId, villageCode, relation.name());
    }
}
