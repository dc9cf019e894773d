package io.cunjian.villageprojects.api;

public record ContactView(String name, String phone) {
}
