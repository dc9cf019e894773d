package io.cunjian.villageprojects.api;

import java.util.List;

public record InspectionPage(List<InspectionView> items, int page, int size, long total) {
}
