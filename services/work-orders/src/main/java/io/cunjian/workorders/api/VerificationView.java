package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record VerificationView(BigDecimal quantity, String by, OffsetDateTime at) {
}
