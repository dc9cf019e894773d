package io.cunjian.community.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.community.domain.HouseholdService;

/** A household with the members recorded (at most its size, which is at most 50). */
public record HouseholdView(UUID id, @Size(max = Bounds.REGION_CODE) String villageCode, @Size(max = 100) String address,
        @Min(1) @Max(50) int size, @Size(max = 50) List<PersonView> members, @Min(0) @Max(Bounds.COUNT) long version) {

    static HouseholdView of(HouseholdService.HouseholdWithMembers h) {
        return new HouseholdView(h.household().id(), h.household().villageCode(), h.household().address(),
                h.household().size(), h.members().stream().map(PersonView::of).toList(), h.household().version());
    }
}
