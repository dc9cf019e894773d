package io.cunjian.community.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.cunjian.community.domain.Grid;
import io.cunjian.community.domain.JointDefenceGroup;
import io.cunjian.community.domain.TeamKind;
import io.cunjian.community.domain.TeamRole;
import io.quarkus.panache.common.Parameters;

/** The grid's tables (V2__grid.sql). A household in at most one group is the primary key of group_household. */
@ApplicationScoped
public class SqlGrid implements Grid {

    private static final String GROUP = "SELECT id, village_code, leader_person_id, version FROM joint_defence_group ";

    @Inject
    EntityManager em;

    @Override
    public Optional<JointDefenceGroup> group(UUID id) {
        return Sql.rows(em.createNativeQuery(GROUP + "WHERE id = :id").setParameter("id", id)).stream().findFirst()
                .map(this::group);
    }

    @Override
    public Optional<JointDefenceGroup> groupForChange(UUID id) {
        return Sql.rows(em.createNativeQuery(GROUP + "WHERE id = :id FOR UPDATE").setParameter("id", id)).stream()
                .findFirst().map(this::group);
    }

    @Override
    public Optional<JointDefenceGroup> addGroup(JointDefenceGroup g) {
        // no null parameter: a null of unknown type would reach PostgreSQL as bytea, not uuid
        UUID id = g.leaderPersonId() == null
                ? (UUID) em.createNativeQuery("INSERT INTO joint_defence_group (village_code) VALUES (:v) RETURNING id")
                        .setParameter("v", g.villageCode()).getSingleResult()
                : (UUID) em.createNativeQuery(
                        "INSERT INTO joint_defence_group (village_code, leader_person_id) VALUES (:v, :l) RETURNING id")
                        .setParameter("v", g.villageCode()).setParameter("l", g.leaderPersonId()).getSingleResult();
        for (UUID household : g.households()) {
            if (!join(id, household)) {
                return Optional.empty(); // the caller refuses, and its transaction takes the group back
            }
        }
        return Optional.of(new JointDefenceGroup(id, g.villageCode(), g.leaderPersonId(), g.households(), 0));
    }

    /** ON CONFLICT waits for a racing insert of the same household to commit or roll back, then decides. */
    @Override
    public boolean join(UUID groupId, UUID householdId) {
        int inserted = em.createNativeQuery("""
                INSERT INTO group_household (household_id, group_id) VALUES (:h, :g)
                ON CONFLICT (household_id) DO NOTHING""").setParameter("h", householdId).setParameter("g", groupId)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public void leave(UUID groupId, UUID householdId) {
        em.createNativeQuery("DELETE FROM group_household WHERE group_id = :g AND household_id = :h")
                .setParameter("g", groupId).setParameter("h", householdId).executeUpdate();
    }

    @Override
    public void save(JointDefenceGroup g) {
        // a group's 户长 is named, never taken away: without one only the version changes
        if (g.leaderPersonId() == null) {
            em.createNativeQuery("UPDATE joint_defence_group SET version = :version WHERE id = :id")
                    .setParameter("version", g.version()).setParameter("id", g.id()).executeUpdate();
            return;
        }
        em.createNativeQuery("UPDATE joint_defence_group SET leader_person_id = :l, version = :version WHERE id = :id")
                .setParameter("l", g.leaderPersonId()).setParameter("version", g.version()).setParameter("id", g.id())
                .executeUpdate();
    }

    @Override
    public List<JointDefenceGroup> groups(List<String> regions, String village, int page, int size) {
        Parameters p = new Parameters();
        String where = Sql.scoped("village_code", regions, village, p);
        return Sql.rows(Sql.bind(em.createNativeQuery(GROUP + "WHERE " + where + " ORDER BY id")
                .setFirstResult(page * size).setMaxResults(size), p)).stream().map(this::group).toList();
    }

    @Override
    public long countGroups(List<String> regions, String village) {
        Parameters p = new Parameters();
        String where = Sql.scoped("village_code", regions, village, p);
        return Sql.number(Sql.bind(em.createNativeQuery("SELECT count(*) FROM joint_defence_group WHERE " + where), p)
                .getSingleResult());
    }

    @Override
    public boolean addTeamMember(String villageCode, TeamMember m) {
        return em.createNativeQuery("""
                INSERT INTO team_member (village_code, kind, person_id, role) VALUES (:v, :k, :p, :r)
                ON CONFLICT DO NOTHING""").setParameter("v", villageCode).setParameter("k", m.kind().name())
                .setParameter("p", m.personId()).setParameter("r", m.role().name()).executeUpdate() == 1;
    }

    @Override
    public boolean removeTeamMember(String villageCode, TeamKind kind, UUID personId) {
        return em.createNativeQuery("DELETE FROM team_member WHERE village_code = :v AND kind = :k AND person_id = :p")
                .setParameter("v", villageCode).setParameter("k", kind.name()).setParameter("p", personId)
                .executeUpdate() == 1;
    }

    @Override
    public List<TeamMember> teams(String villageCode) {
        return Sql.rows(em.createNativeQuery(
                "SELECT kind, person_id, role FROM team_member WHERE village_code = :v ORDER BY kind, role, person_id")
                .setParameter("v", villageCode)).stream()
                .map(r -> new TeamMember(TeamKind.valueOf((String) r[0]), (UUID) r[1], TeamRole.valueOf((String) r[2])))
                .toList();
    }

    private JointDefenceGroup group(Object[] r) {
        UUID id = (UUID) r[0];
        List<UUID> households = new ArrayList<>();
        for (Object h : em.createNativeQuery("SELECT household_id FROM group_household WHERE group_id = :g ORDER BY household_id")
                .setParameter("g", id).getResultList()) {
            households.add((UUID) h);
        }
        return new JointDefenceGroup(id, (String) r[1], (UUID) r[2], households, Sql.number(r[3]));
    }
}
