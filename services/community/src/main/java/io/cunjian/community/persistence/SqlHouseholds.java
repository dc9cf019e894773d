package io.cunjian.community.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.cunjian.community.domain.GridFigures;
import io.cunjian.community.domain.Household;
import io.cunjian.community.domain.Households;
import io.cunjian.community.domain.Person;
import io.cunjian.community.domain.Relation;
import io.cunjian.community.events.CommunityEvents;
import io.quarkus.panache.common.Parameters;

/** Households, people and the personal-data audit in this service's database (tables of V1__households.sql). */
@ApplicationScoped
public class SqlHouseholds implements Households, GridFigures {

    private static final String PERSON = "SELECT id, household_id, village_code, name, relation, erased_at, version FROM person ";

    @Inject
    EntityManager em;

    @Override
    public void lockVillage(String villageCode) {
        Sql.lockVillage(em, villageCode);
    }

    @Override
    public boolean addressTaken(String villageCode, String address) {
        return !em.createNativeQuery("SELECT 1 FROM household WHERE village_code = :v AND address = :a")
                .setParameter("v", villageCode).setParameter("a", address).getResultList().isEmpty();
    }

    @Override
    public Household add(Household h) {
        UUID id = (UUID) (em.createNativeQuery(
                "INSERT INTO household (village_code, address, size) VALUES (:v, :a, :s) RETURNING id")
                .setParameter("v", h.villageCode()).setParameter("a", h.address()).setParameter("s", h.size())
                .getSingleResult());
        return new Household(id, h.villageCode(), h.address(), h.size(), 0);
    }

    @Override
    public Optional<Household> find(UUID id) {
        return Sql.rows(em.createNativeQuery("SELECT id, village_code, address, size, version FROM household WHERE id = :id")
                .setParameter("id", id)).stream().findFirst().map(SqlHouseholds::household);
    }

    @Override
    public List<Household> search(List<String> regions, String village, int page, int size) {
        Parameters p = new Parameters();
        String where = Sql.scoped("village_code", regions, village, p);
        return Sql.rows(Sql.bind(em.createNativeQuery("SELECT id, village_code, address, size, version FROM household WHERE "
                + where + " ORDER BY id").setFirstResult(page * size).setMaxResults(size), p))
                .stream().map(SqlHouseholds::household).toList();
    }

    @Override
    public long countSearch(List<String> regions, String village) {
        Parameters p = new Parameters();
        String where = Sql.scoped("village_code", regions, village, p);
        return Sql.number(Sql.bind(em.createNativeQuery("SELECT count(*) FROM household WHERE " + where), p).getSingleResult());
    }

    @Override
    public Person addPerson(UUID householdId, String villageCode, Person.Details d) {
        UUID id = (UUID) (em.createNativeQuery("""
                INSERT INTO person (household_id, village_code, name, relation) VALUES (:h, :v, :n, :r) RETURNING id""")
                .setParameter("h", householdId).setParameter("v", villageCode).setParameter("n", d.name())
                .setParameter("r", d.relation().name()).getSingleResult());
        return new Person(id, householdId, villageCode, d.name(), d.relation(), null, 0);
    }

    @Override
    public Optional<Person> person(UUID id) {
        return Sql.rows(em.createNativeQuery(PERSON + "WHERE id = :id").setParameter("id", id)).stream().findFirst()
                .map(SqlHouseholds::person);
    }

    @Override
    public Optional<Person> personForChange(UUID id) {
        return Sql.rows(em.createNativeQuery(PERSON + "WHERE id = :id FOR UPDATE").setParameter("id", id)).stream()
                .findFirst().map(SqlHouseholds::person);
    }

    @Override
    public List<Person> members(UUID householdId) {
        return Sql.rows(em.createNativeQuery(PERSON + "WHERE household_id = :h ORDER BY id").setParameter("h", householdId))
                .stream().map(SqlHouseholds::person).toList();
    }

    @Override
    public void saveErased(Person erased) {
        em.createNativeQuery("UPDATE person SET name = NULL, erased_at = :at, version = :version WHERE id = :id")
                .setParameter("at", erased.erasedAt()).setParameter("version", erased.version())
                .setParameter("id", erased.id()).executeUpdate();
    }

    @Override
    public void audit(AuditEntry e) {
        em.createNativeQuery("""
                INSERT INTO personal_data_audit (person_id, village_code, action, fields, actor, at)
                SELECT id, village_code, :action, :fields, :actor, :at FROM person WHERE id = :id""")
                .setParameter("id", e.personId()).setParameter("action", e.action()).setParameter("fields", e.fields())
                .setParameter("actor", e.actor()).setParameter("at", e.at()).executeUpdate();
    }

    @Override
    public List<AuditEntry> auditOf(UUID personId) {
        return Sql.rows(em.createNativeQuery(
                "SELECT person_id, action, fields, actor, at FROM personal_data_audit WHERE person_id = :id ORDER BY id")
                .setParameter("id", personId)).stream()
                .map(r -> new AuditEntry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], Sql.time(r[4])))
                .toList();
    }

    @Override
    public CommunityEvents.GridCounts of(String villageCode) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT count(*),
                       count(gh.group_id),
                       count(g.leader_person_id)
                FROM household h
                LEFT JOIN group_household gh ON gh.household_id = h.id
                LEFT JOIN joint_defence_group g ON g.id = gh.group_id
                WHERE h.village_code = :v""").setParameter("v", villageCode).getSingleResult();
        return new CommunityEvents.GridCounts(Sql.number(r[0]), Sql.number(r[1]), Sql.number(r[2]));
    }

    private static Household household(Object[] r) {
        return new Household((UUID) r[0], (String) r[1], (String) r[2], (int) Sql.number(r[3]), Sql.number(r[4]));
    }

    private static Person person(Object[] r) {
        return new Person((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], Relation.valueOf((String) r[4]),
                Sql.time(r[5]), Sql.number(r[6]));
    }
}
