package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.villageprojects.domain.Inspection;
import io.cunjian.villageprojects.domain.InspectionOnFile;

public record InspectionView(UUID id, @Size(max = Bounds.REGION_CODE) String villageCode, @Size(max = 50) String standardId,
        @Size(max = 50) String itemCode, Inspection.Verdict verdict, LocalDate inspectedOn, @Size(max = 200) String inspector,
        @Size(max = 2000) String notes, @Size(max = 20) List<@Size(max = 500) String> photos,
        @Size(max = 200) String recordedBy, OffsetDateTime recordedAt) {
    static InspectionView of(InspectionOnFile onFile) {
        Inspection i = onFile.inspection();
        return new InspectionView(i.id(), i.villageCode(), i.standardId(), i.itemCode(), i.verdict(), i.inspectedOn(),
                i.inspector(), i.notes(), i.photos(), i.recordedBy(), onFile.recordedAt());
    }
}
