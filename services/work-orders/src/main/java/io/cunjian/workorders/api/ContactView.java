package io.cunjian.workorders.api;

public record ContactView(String name, String phone) {
}
