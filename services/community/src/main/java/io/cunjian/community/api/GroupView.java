package io.cunjian.community.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.community.domain.JointDefenceGroup;

/** A 十户联防 group: ids only, so staff and viewers alike may read it. */
public record GroupView(UUID id, @Size(max = Bounds.REGION_CODE) String villageCode, UUID leaderPersonId,
        @Size(max = JointDefenceGroup.MOST_HOUSEHOLDS) List<UUID> householdIds, @Min(0) @Max(Bounds.COUNT) long version) {

    static GroupView of(JointDefenceGroup g) {
        return new GroupView(g.id(), g.villageCode(), g.leaderPersonId(), g.households(), g.version());
    }
}
