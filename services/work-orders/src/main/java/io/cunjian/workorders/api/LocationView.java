package io.cunjian.workorders.api;

import java.math.BigDecimal;

public record LocationView(String text, BigDecimal latitude, BigDecimal longitude) {
}
