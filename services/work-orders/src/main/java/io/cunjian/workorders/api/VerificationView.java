package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;

public record VerificationView(BigDecimal quantity, @Size(max = Bounds.ACTOR) String by, OffsetDateTime at) {
}
