package io.cunjian.workorders.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cunjian.workorders.domain.Photo;
import io.cunjian.workorders.domain.Photos;

/** Evidence photos in PostgreSQL, bytes in the same row (loaded only when the image is asked for). */
@ApplicationScoped
public class PhotosInDatabase implements Photos {

    @Inject
    PhotoRepository photos;

    @Override
    public void add(Photo photo, byte[] data) {
        PhotoEntity p = new PhotoEntity();
        p.id = photo.id();
        p.orderId = photo.orderId();
        p.contentType = photo.contentType();
        p.sizeBytes = photo.sizeBytes();
        p.sha256 = photo.sha256();
        p.fileName = photo.fileName();
        p.data = data;
        p.uploadedBy = photo.uploadedBy();
        p.uploadedAt = photo.uploadedAt();
        p.takenAt = photo.takenAt();
        p.latitude = photo.latitude();
        p.longitude = photo.longitude();
        p.flags = String.join(",", photo.flags());
        photos.persist(p);
    }

    @Override
    public boolean allBelongTo(UUID orderId, List<UUID> photoIds) {
        return photoIds.stream().allMatch(p -> photos.belongsTo(p, orderId));
    }

    @Override
    public List<Photo> ofOrder(UUID orderId) {
        return photos.ofOrder(orderId).stream().map(PhotosInDatabase::toDomain).toList();
    }

    @Override
    public Optional<Photo.Image> image(UUID orderId, UUID photoId) {
        return photos.findByIdOptional(photoId).filter(p -> p.orderId.equals(orderId))
                .map(p -> new Photo.Image(p.contentType, p.sha256, p.data));
    }

    private static Photo toDomain(PhotoEntity p) {
        return new Photo(p.id, p.orderId, p.contentType, p.sizeBytes, p.sha256, p.fileName, p.uploadedBy, p.uploadedAt,
                p.takenAt, p.latitude, p.longitude,
                p.flags == null || p.flags.isEmpty() ? List.of() : Arrays.asList(p.flags.split(",")));
    }
}
