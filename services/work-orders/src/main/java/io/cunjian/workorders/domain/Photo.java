package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An evidence photo of a work order as stored (ADR 0008), without its bytes: who uploaded it when, what
 * its EXIF data says (time taken, position) and the {@link PhotoEvidence} flags raised against it.
 */
public record Photo(UUID id, UUID orderId, String contentType, int sizeBytes, String sha256, String fileName,
        String uploadedBy, OffsetDateTime uploadedAt, OffsetDateTime takenAt, BigDecimal latitude, BigDecimal longitude,
        List<String> flags) {

    public Photo {
        flags = List.copyOf(flags);
    }

    /** The image itself, as uploaded. */
    public record Image(String contentType, String sha256, byte[] data) {
    }
}
