package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

public record CompletionView(BigDecimal actualQuantity, OffsetDateTime completedAt, @Size(max = 2000) String notes, @Size(max = 20) List<UUID> photoIds) {
}
