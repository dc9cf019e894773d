package io.cunjian.villageprojects.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.villageprojects.domain.StandardOnFile;
import io.cunjian.villageprojects.domain.StandardVersion;

public record StandardView(@Size(max = 50) String id, @Size(max = Bounds.REGION_CODE) String scope, @Size(max = 100) String nameZh,
        @Size(max = 200) String nameEn, boolean illustrative, @Size(max = 50) String basedOn, StandardVersion.Status status,
        OffsetDateTime publishedAt, @Size(max = 200) String publishedBy, @Size(max = 60) List<ItemView> items,
        @Min(0) @Max(Bounds.COUNT) long version) {
    static StandardView of(StandardOnFile onFile) {
        StandardVersion s = onFile.standard();
        return new StandardView(s.id(), s.scope(), s.nameZh(), s.nameEn(), s.illustrative(), s.basedOn(), s.status(),
                onFile.publishedAt(), onFile.publishedBy(), s.items().stream().map(ItemView::of).toList(), s.version());
    }
}
