package io.cunjian.workorders.api;

import java.util.List;

public record WorkOrderPage(List<WorkOrderView> items, int page, int size, long total) {
}
