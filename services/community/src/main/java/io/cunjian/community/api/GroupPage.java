package io.cunjian.community.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;

public record GroupPage(@Size(max = Bounds.PAGE_SIZE) List<GroupView> items, @Min(0) @Max(Bounds.PAGE) int page,
        @Min(1) @Max(Bounds.PAGE_SIZE) int size, @Min(0) @Max(Bounds.COUNT) long total) {
}
