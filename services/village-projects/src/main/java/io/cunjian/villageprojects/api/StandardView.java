package io.cunjian.villageprojects.api;

import java.time.OffsetDateTime;
import java.util.List;

import io.cunjian.villageprojects.domain.StandardOnFile;
import io.cunjian.villageprojects.domain.StandardVersion;

public record StandardView(String id, String scope, String nameZh, String nameEn, boolean illustrative,
        String basedOn, StandardVersion.Status status, OffsetDateTime publishedAt, String publishedBy,
        List<ItemView> items, long version) {
    static StandardView of(StandardOnFile onFile) {
        StandardVersion s = onFile.standard();
        return new StandardView(s.id(), s.scope(), s.nameZh(), s.nameEn(), s.illustrative(), s.basedOn(), s.status(),
                onFile.publishedAt(), onFile.publishedBy(), s.items().stream().map(ItemView::of).toList(), s.version());
    }
}
