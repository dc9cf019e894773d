package io.cunjian.community.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.community.domain.Households;

/** Who did what to a person's data and when (an erasure is recorded once: erasing again changes nothing). */
public record AuditTrail(@Size(max = 10) List<Entry> items) {

    public record Entry(@Size(max = 16) String action, @Size(max = 200) String fields, @Size(max = Bounds.ACTOR) String actor,
            OffsetDateTime at) {
    }

    static AuditTrail of(List<Households.AuditEntry> entries) {
        return new AuditTrail(entries.stream().map(e -> new Entry(e.action(), e.fields(), e.actor(), e.at())).toList());
    }
}
