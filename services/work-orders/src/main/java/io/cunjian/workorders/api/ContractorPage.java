package io.cunjian.workorders.api;

import java.util.List;

public record ContractorPage(List<ContractorView> items, int page, int size, long total) {
}
