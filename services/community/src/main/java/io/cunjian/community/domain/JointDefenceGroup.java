package io.cunjian.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A 十户联防 group (joint-defence group of households) of one village, with its 户长 — the household-group
 * leader (not a household's 户主) responsible for the group's households. Commands return the group after the
 * change or the rule they break; the service stores the one and refuses with the other.
 */
public record JointDefenceGroup(UUID id, String villageCode, UUID leaderPersonId, List<UUID> households, long version) {

    /** The most households any group may hold, whatever the configured bounds: the contract's limit. */
    public static final int MOST_HOUSEHOLDS = 100;

    public JointDefenceGroup {
        households = List.copyOf(households);
    }

    public sealed interface Outcome permits Changed, Rejected {
    }

    public record Changed(JointDefenceGroup group) implements Outcome {
    }

    /** {@code messageKey} of the problems bundle, filled with {@code args}; {@code field} the input it is about. */
    public record Rejected(String field, String messageKey, Object... args) implements Outcome {
    }

    /** A new group of {@code households} (distinct, of the village), sized by the policy. */
    public static Outcome form(String villageCode, List<UUID> households, UUID leaderPersonId, GroupSizePolicy size) {
        if (households.stream().distinct().count() != households.size()) {
            return new Rejected("householdIds", "problem.group.household-twice");
        }
        if (!size.allows(households.size())) {
            return new Rejected("householdIds", "problem.group.size", size.min(), size.max());
        }
        return new Changed(new JointDefenceGroup(null, villageCode, leaderPersonId, households, 0));
    }

    public Outcome join(UUID household, GroupSizePolicy size) {
        if (households.contains(household)) {
            return new Rejected("householdId", "problem.group.already-member", household, id);
        }
        if (households.size() + 1 > size.max()) {
            return new Rejected("householdId", "problem.group.full", id, size.max());
        }
        List<UUID> after = new ArrayList<>(households);
        after.add(household);
        return new Changed(new JointDefenceGroup(id, villageCode, leaderPersonId, after, version + 1));
    }

    public Outcome leave(UUID household, GroupSizePolicy size) {
        if (!households.contains(household)) {
            return new Rejected("householdId", "problem.group.not-member", household, id);
        }
        if (households.size() - 1 < size.min()) {
            return new Rejected("householdId", "problem.group.too-small", id, size.min());
        }
        List<UUID> after = new ArrayList<>(households);
        after.remove(household);
        return new Changed(new JointDefenceGroup(id, villageCode, leaderPersonId, after, version + 1));
    }

    public Outcome lead(UUID personId) {
        return new Changed(new JointDefenceGroup(id, villageCode, personId, households, version + 1));
    }
}
