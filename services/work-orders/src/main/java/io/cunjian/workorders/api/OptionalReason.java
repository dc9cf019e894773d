package io.cunjian.workorders.api;

import jakarta.validation.constraints.Size;

public record OptionalReason(@Size(max = 2000) String reason) {
}
