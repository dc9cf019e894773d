package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record CompletionView(BigDecimal actualQuantity, OffsetDateTime completedAt, String notes, List<UUID> photoIds) {
}
