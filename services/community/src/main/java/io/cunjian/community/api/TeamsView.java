package io.cunjian.community.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.community.domain.Grid;
import io.cunjian.community.domain.GridService;
import io.cunjian.community.domain.TeamKind;
import io.cunjian.community.domain.TeamRole;

/** A village's teams: who serves in which, as person ids. */
public record TeamsView(@Size(max = Bounds.REGION_CODE) String villageCode,
        @Size(max = GridService.MOST_TEAM_MEMBERS * 3) List<Member> members) {

    public record Member(TeamKind kind, UUID personId, TeamRole role) {
    }

    static TeamsView of(String village, List<Grid.TeamMember> members) {
        return new TeamsView(village, members.stream().map(m -> new Member(m.kind(), m.personId(), m.role())).toList());
    }
}
