package io.cunjian.community.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.community.domain.Person;
import io.cunjian.community.domain.Relation;

public record PersonView(UUID id, UUID householdId, @Size(max = Bounds.REGION_CODE) String villageCode,
        @Size(max = 50) @Schema(description = "null once erased") String name, Relation relation, boolean erased,
        OffsetDateTime erasedAt, @Min(0) @Max(Bounds.COUNT) long version) {

    static PersonView of(Person p) {
        return new PersonView(p.id(), p.householdId(), p.villageCode(), p.name(), p.relation(), p.erased(), p.erasedAt(),
                p.version());
    }
}
