package io.cunjian.community.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;
import io.cunjian.community.events.CommunityEvents;

/**
 * The grid's use cases (docs/adr/0039-the-grid.md), each in one transaction with its grid-changed event. Staff of
 * the village's region change it; staff and viewers read it — ids and figures, no personal information.
 */
@ApplicationScoped
public class GridService {

    /** The most people one team takes (a village's teams are a handful; the contract bounds the answer). */
    public static final int MOST_TEAM_MEMBERS = 200;

    @Inject
    Grid grid;
    @Inject
    Households households;
    @Inject
    GridFigures figures;
    @Inject
    GroupSizePolicy size;
    @Inject
    RegionReplica replica;
    @Inject
    Outbox outbox;

    @Transactional
    public JointDefenceGroup form(Caller caller, String villageCode, List<UUID> householdIds, UUID leaderPersonId) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        replica.requireVillage("villageCode", villageCode);
        households.lockVillage(villageCode);
        for (int i = 0; i < householdIds.size(); i++) {
            requireHousehold("householdIds[" + i + "]", householdIds.get(i), villageCode);
        }
        if (leaderPersonId != null) {
            requirePerson("leaderPersonId", leaderPersonId, villageCode);
        }
        JointDefenceGroup.Outcome outcome = JointDefenceGroup.form(villageCode, householdIds, leaderPersonId, size);
        if (outcome instanceof JointDefenceGroup.Rejected r) {
            // the request's list itself is wrong (a household twice, too few or too many): bad input, not a conflict
            throw InvalidInput.because(r.messageKey(), r.args()).field(r.field(), r.messageKey() + ".field");
        }
        JointDefenceGroup formed = ((JointDefenceGroup.Changed) outcome).group();
        JointDefenceGroup stored = grid.addGroup(formed).orElseThrow(
                () -> new StateConflict(null, "problem.group.household-grouped").field("householdIds", "problem.group.household-grouped"));
        publish(stored, GridChange.GROUP_FORMED, null, leaderPersonId);
        return stored;
    }

    @Transactional
    public JointDefenceGroup join(Caller caller, UUID groupId, UUID householdId) {
        JointDefenceGroup group = groupForChange(caller, groupId);
        requireHousehold("householdId", householdId, group.villageCode());
        JointDefenceGroup after = changed(group.join(householdId, size));
        if (!grid.join(groupId, householdId)) {
            throw new StateConflict(null, "problem.group.household-grouped").field("householdId", "problem.group.household-grouped");
        }
        grid.save(after);
        publish(after, GridChange.HOUSEHOLD_JOINED, householdId, null);
        return after;
    }

    @Transactional
    public JointDefenceGroup leave(Caller caller, UUID groupId, UUID householdId) {
        JointDefenceGroup group = groupForChange(caller, groupId);
        JointDefenceGroup after = changed(group.leave(householdId, size));
        grid.leave(groupId, householdId);
        grid.save(after);
        publish(after, GridChange.HOUSEHOLD_LEFT, householdId, null);
        return after;
    }

    /** Names the group's 户长: a person of the village whose data has not been erased. */
    @Transactional
    public JointDefenceGroup lead(Caller caller, UUID groupId, UUID personId, ExpectedVersion expected) {
        JointDefenceGroup group = groupForChange(caller, groupId);
        expected.check(group.version());
        requirePerson("personId", personId, group.villageCode());
        JointDefenceGroup after = changed(group.lead(personId));
        grid.save(after);
        publish(after, GridChange.LEADER_SET, null, personId);
        return after;
    }

    @Transactional
    public Grid.TeamMember addTeamMember(Caller caller, String villageCode, Grid.TeamMember member) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        replica.requireVillage("villageCode", villageCode);
        households.lockVillage(villageCode);
        requirePerson("personId", member.personId(), villageCode);
        if (grid.teams(villageCode).stream().filter(m -> m.kind() == member.kind()).count() >= MOST_TEAM_MEMBERS) {
            throw new StateConflict(null, "problem.team.full", member.kind(), MOST_TEAM_MEMBERS);
        }
        if (!grid.addTeamMember(villageCode, member)) {
            throw new StateConflict(null, "problem.team.already-member", member.personId(), member.kind())
                    .field("personId", "problem.team.already-member.field");
        }
        publishTeam(villageCode, GridChange.TEAM_MEMBER_ADDED, member);
        return member;
    }

    @Transactional
    public void removeTeamMember(Caller caller, String villageCode, TeamKind kind, UUID personId) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        households.lockVillage(villageCode);
        Grid.TeamMember member = grid.teams(villageCode).stream()
                .filter(m -> m.kind() == kind && m.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new NotFound("problem.team.not-member", personId, kind));
        grid.removeTeamMember(villageCode, kind, personId);
        publishTeam(villageCode, GridChange.TEAM_MEMBER_REMOVED, member);
    }

    @Transactional
    public List<Grid.TeamMember> teams(Caller caller, String villageCode) {
        caller.require(Policies.READ_IN_REGION, villageCode);
        return grid.teams(villageCode);
    }

    @Transactional
    public JointDefenceGroup group(Caller caller, UUID id) {
        JointDefenceGroup group = grid.group(id).orElseThrow(() -> groupNotFound(id));
        caller.require(Policies.READ_IN_REGION, group.villageCode());
        return group;
    }

    /** The groups the caller may read, in {@code village} when not null (a code already checked). */
    @Transactional
    public Results<JointDefenceGroup> groups(Caller caller, String village, int page, int pageSize) {
        List<String> regions = RegionScope.readable(caller, village);
        return new Results<>(grid.groups(regions, village, page, pageSize), grid.countGroups(regions, village));
    }

    private JointDefenceGroup groupForChange(Caller caller, UUID groupId) {
        String village = grid.group(groupId).orElseThrow(() -> groupNotFound(groupId)).villageCode();
        caller.require(Policies.MANAGE_IN_REGION, village);
        households.lockVillage(village);
        return grid.groupForChange(groupId).orElseThrow(() -> groupNotFound(groupId));
    }

    private static JointDefenceGroup changed(JointDefenceGroup.Outcome outcome) {
        if (outcome instanceof JointDefenceGroup.Rejected r) {
            throw new StateConflict(null, r.messageKey(), r.args()).field(r.field(), r.messageKey() + ".field");
        }
        return ((JointDefenceGroup.Changed) outcome).group();
    }

    private void requireHousehold(String field, UUID id, String villageCode) {
        if (households.find(id).filter(h -> h.villageCode().equals(villageCode)).isEmpty()) {
            throw new InvalidInput(field, "problem.group.household-unknown");
        }
    }

    private void requirePerson(String field, UUID id, String villageCode) {
        if (households.person(id).filter(p -> p.villageCode().equals(villageCode) && !p.erased()).isEmpty()) {
            throw new InvalidInput(field, "problem.grid.person-unknown");
        }
    }

    private void publish(JointDefenceGroup group, GridChange change, UUID householdId, UUID personId) {
        String village = group.villageCode();
        outbox.publish(new OutgoingEvent(TopicNames.COMMUNITY, village, CommunityEvents.GRID_CHANGED, null,
                new CommunityEvents.GridChanged(village, change.name(), group.id(), householdId, personId, null, null,
                        figures.of(village))));
    }

    private void publishTeam(String village, GridChange change, Grid.TeamMember member) {
        outbox.publish(new OutgoingEvent(TopicNames.COMMUNITY, village, CommunityEvents.GRID_CHANGED, null,
                new CommunityEvents.GridChanged(village, change.name(), null, null, member.personId(),
                        member.kind().name(), member.role().name(), figures.of(village))));
    }

    static NotFound groupNotFound(UUID id) {
        return new NotFound("problem.group.not-found", id.toString());
    }
}
