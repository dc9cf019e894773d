package io.cunjian.community.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.RegionScope;
import io.cunjian.chassis.security.Role;
import io.cunjian.community.events.CommunityEvents;

/**
 * Households and their members, each use case in one transaction with its outbox rows. Who may: the staff of the
 * household's region ({@link CommunityPolicies#HANDLE_PERSONAL_DATA}), checked before anything is looked up, so a
 * caller of another region learns nothing (403).
 */
@ApplicationScoped
public class HouseholdService {

    public record HouseholdWithMembers(Household household, List<Person> members) {
    }

    @Inject
    Households households;
    @Inject
    GridFigures figures;
    @Inject
    RegionReplica replica;
    @Inject
    Outbox outbox;

    /** Registers a household with its 户主 in a village the replica knows (503 not yet known, 422 none such). */
    @Transactional
    public HouseholdWithMembers register(Caller caller, String villageCode, String address, int size, String headName) {
        caller.require(CommunityPolicies.HANDLE_PERSONAL_DATA, villageCode);
        replica.requireVillage("villageCode", villageCode);
        households.lockVillage(villageCode);
        Person.Details head = new Person.Details(headName, Relation.HEAD);
        Household.Outcome outcome = Household.register(villageCode, address, size, head,
                households.addressTaken(villageCode, address.strip()));
        if (outcome instanceof Household.AddressTaken taken) {
            throw new StateConflict(null, "problem.household.address-taken", taken.villageCode(), taken.address())
                    .field("address", "problem.household.address-taken.field");
        }
        Household stored = households.add(((Household.Registered) outcome).household());
        Person headPerson = households.addPerson(stored.id(), villageCode, head);
        publish(villageCode, CommunityEvents.HOUSEHOLD_REGISTERED, stored.registered(figures.of(villageCode)));
        publish(villageCode, CommunityEvents.MEMBER_ADDED, headPerson.added());
        return new HouseholdWithMembers(stored, List.of(headPerson));
    }

    /**
     * Adds a member. A child under 14 is not recorded in this increment: the law treats a child's information as
     * sensitive, to be collected only where a feature needs it with the guardian's consent, and no feature here does.
     */
    @Transactional
    public Person addMember(Caller caller, UUID householdId, Person.Details details, boolean aged14OrOver) {
        Household household = households.find(householdId).orElseThrow(() -> householdNotFound(householdId));
        caller.require(CommunityPolicies.HANDLE_PERSONAL_DATA, household.villageCode());
        if (!aged14OrOver) {
            throw new InvalidInput("aged14OrOver", "problem.member.child-not-recorded");
        }
        if (details.relation() == Relation.HEAD) {
            throw new InvalidInput("relation", "problem.member.second-head");
        }
        Person added = households.addPerson(householdId, household.villageCode(), details);
        publish(household.villageCode(), CommunityEvents.MEMBER_ADDED, added.added());
        return added;
    }

    /** Erases a person's personal fields on request, with an audit entry of who, what and when. */
    @Transactional
    public Person erase(Caller caller, UUID personId) {
        Person person = households.personForChange(personId).orElseThrow(() -> personNotFound(personId));
        caller.require(CommunityPolicies.HANDLE_PERSONAL_DATA, person.villageCode());
        OffsetDateTime now = OffsetDateTime.now();
        Person.Erasure erasure = person.erase(now);
        if (erasure instanceof Person.AlreadyErased) {
            return person;
        }
        Person.Erased erased = (Person.Erased) erasure;
        households.saveErased(erased.person());
        households.audit(new Households.AuditEntry(personId, "ERASED", Person.PERSONAL_FIELDS, caller.subject(), now));
        publish(person.villageCode(), CommunityEvents.MEMBER_ERASED, erased.event());
        return erased.person();
    }

    @Transactional
    public HouseholdWithMembers find(Caller caller, UUID id) {
        Household household = households.find(id).orElseThrow(() -> householdNotFound(id));
        caller.require(CommunityPolicies.HANDLE_PERSONAL_DATA, household.villageCode());
        return new HouseholdWithMembers(household, households.members(id));
    }

    @Transactional
    public Person person(Caller caller, UUID id) {
        Person person = households.person(id).orElseThrow(() -> personNotFound(id));
        caller.require(CommunityPolicies.HANDLE_PERSONAL_DATA, person.villageCode());
        return person;
    }

    /** The audit entries of a person's data, for the staff of its region. */
    @Transactional
    public List<Households.AuditEntry> audit(Caller caller, UUID personId) {
        person(caller, personId);
        return households.auditOf(personId);
    }

    /** The households the caller may see, in {@code village} when not null (a code already checked). */
    @Transactional
    public Results<Household> search(Caller caller, String village, int page, int size) {
        // the roles of HANDLE_PERSONAL_DATA; a village beside all the caller's regions is 403
        List<String> regions = RegionScope.of(caller, village, Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF);
        return new Results<>(households.search(regions, village, page, size), households.countSearch(regions, village));
    }

    private void publish(String villageCode, String type, Object data) {
        outbox.publish(new OutgoingEvent(TopicNames.COMMUNITY, villageCode, type, null, data));
    }

    static NotFound householdNotFound(UUID id) {
        return new NotFound("problem.household.not-found", id.toString());
    }

    static NotFound personNotFound(UUID id) {
        return new NotFound("problem.person.not-found", id.toString());
    }
}
