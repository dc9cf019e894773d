package io.cunjian.community.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored grid: 十户联防 groups with their households and 户长, and the village's teams. */
public interface Grid {

    record TeamMember(TeamKind kind, UUID personId, TeamRole role) {
    }

    Optional<JointDefenceGroup> group(UUID id);

    /** The group, held until the transaction ends (its size is checked and changed one request at a time). */
    Optional<JointDefenceGroup> groupForChange(UUID id);

    /**
     * Stores a new group with its households; the answer carries its id, or is empty when one of the households is
     * already in a group (the store's constraint decides, so two requests racing for a household cannot both win).
     */
    Optional<JointDefenceGroup> addGroup(JointDefenceGroup group);

    /** Puts the household in the group; false when it is in a group already (the constraint, as above). */
    boolean join(UUID groupId, UUID householdId);

    void leave(UUID groupId, UUID householdId);

    /** Stores the group's 户长 and version after a change (its households are stored by join and leave). */
    void save(JointDefenceGroup group);

    List<JointDefenceGroup> groups(List<String> regions, String village, int page, int size);

    long countGroups(List<String> regions, String village);

    /** False when the person already serves in that team. */
    boolean addTeamMember(String villageCode, TeamMember member);

    /** False when the person does not serve in that team. */
    boolean removeTeamMember(String villageCode, TeamKind kind, UUID personId);

    List<TeamMember> teams(String villageCode);
}
