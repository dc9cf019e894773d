package io.cunjian.community.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The household register and its members, as the use cases need them. */
public interface Households {

    /** One entry of the personal-data audit: who did what to which fields of whose data, and when. */
    record AuditEntry(UUID personId, String action, String fields, String actor, java.time.OffsetDateTime at) {
    }

    /**
     * Holds the village's grid until the transaction ends: registrations and grid changes of one village are made
     * one at a time, so the figures each event carries follow each other in order.
     */
    void lockVillage(String villageCode);

    boolean addressTaken(String villageCode, String address);

    /** Stores a new household; the answer carries its id. */
    Household add(Household household);

    Optional<Household> find(UUID id);

    /** The households of the villages under {@code regions} (the caller's), in {@code village} when not null. */
    List<Household> search(List<String> regions, String village, int page, int size);

    long countSearch(List<String> regions, String village);

    /** Stores a new member; the answer carries its id. */
    Person addPerson(UUID householdId, String villageCode, Person.Details details);

    Optional<Person> person(UUID id);

    /** The person, held until the transaction ends. */
    Optional<Person> personForChange(UUID id);

    List<Person> members(UUID householdId);

    void saveErased(Person erased);

    void audit(AuditEntry entry);

    List<AuditEntry> auditOf(UUID personId);
}
