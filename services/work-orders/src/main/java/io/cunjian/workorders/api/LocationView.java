package io.cunjian.workorders.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

public record LocationView(@Size(max = 500) String text, BigDecimal latitude, BigDecimal longitude) {
}
