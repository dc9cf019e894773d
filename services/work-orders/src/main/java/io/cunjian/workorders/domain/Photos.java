package io.cunjian.workorders.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored evidence photos (implemented in persistence). */
public interface Photos {

    void add(Photo photo, byte[] data);

    /** Whether every one of {@code photoIds} was uploaded to this order. */
    boolean allBelongTo(UUID orderId, List<UUID> photoIds);

    /** The order's photos, oldest first, without their bytes. */
    List<Photo> ofOrder(UUID orderId);

    /** A photo's image, when the photo belongs to the order. */
    Optional<Photo.Image> image(UUID orderId, UUID photoId);
}
