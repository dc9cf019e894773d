package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.cunjian.villageprojects.domain.Inspection;
import io.cunjian.villageprojects.domain.InspectionOnFile;

public record InspectionView(UUID id, String villageCode, String standardId, String itemCode,
        Inspection.Verdict verdict, LocalDate inspectedOn, String inspector, String notes, List<String> photos,
        String recordedBy, OffsetDateTime recordedAt) {
    static InspectionView of(InspectionOnFile onFile) {
        Inspection i = onFile.inspection();
        return new InspectionView(i.id(), i.villageCode(), i.standardId(), i.itemCode(), i.verdict(), i.inspectedOn(),
                i.inspector(), i.notes(), i.photos(), i.recordedBy(), onFile.recordedAt());
    }
}
