package io.cunjian.workorders.api;

import jakarta.validation.constraints.Size;

public record ContactView(@Size(max = 50) String name, @Size(max = 30) String phone) {
}
