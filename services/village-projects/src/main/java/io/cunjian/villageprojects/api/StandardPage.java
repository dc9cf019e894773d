package io.cunjian.villageprojects.api;

import java.util.List;

public record StandardPage(List<StandardView> items, int page, int size, long total) {
}
