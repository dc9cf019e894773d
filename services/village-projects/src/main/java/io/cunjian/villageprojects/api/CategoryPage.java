package io.cunjian.villageprojects.api;

import java.util.List;

public record CategoryPage(List<CategoryView> items, int page, int size, long total) {
}
