package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.security.Caller;

/** Evidence photos of a work order (ADR 0008): stored with the order, flagged when suspicious. */
@ApplicationScoped
public class PhotoService {

    /** What an upload says about itself: the image, its type by content, and what its EXIF data holds. */
    public record Upload(byte[] image, String contentType, String fileName, OffsetDateTime takenAt,
            PhotoEvidence.Position position) {
    }

    @Inject
    WorkOrders orders;
    @Inject
    Photos photos;
    @Inject
    PhotoConfig config;

    /**
     * The assigned contractor adds a photo to an order in progress (409 naming the state otherwise). It is
     * flagged when taken before the order was first started or far from the order's position.
     */
    @Transactional
    public Photo upload(UUID orderId, Upload upload, Caller caller) {
        WorkOrder order = orders.findForPhoto(orderId).orElseThrow(() -> WorkOrderService.notFound(orderId));
        WorkOrderAccess.doTheWork(caller, order);
        if (order.status() != WorkOrderStatus.IN_PROGRESS) {
            throw new StateConflict(order.status().name(), "problem.photo.not-in-progress", order.status().name());
        }
        OffsetDateTime startedAt = orders.history(orderId).stream()
                .filter(t -> t.to() == WorkOrderStatus.IN_PROGRESS).map(WorkOrders.Transition::at).findFirst()
                .orElse(null);
        WorkOrder.Location site = order.details().location();
        PhotoEvidence.Position sitePosition = site == null || site.latitude() == null ? null
                : new PhotoEvidence.Position(site.latitude(), site.longitude());
        PhotoEvidence.Position taken = upload.position();
        BigDecimal latitude = taken == null ? null : taken.latitude();
        BigDecimal longitude = taken == null ? null : taken.longitude();
        List<String> flags = PhotoEvidence.flags(upload.takenAt(), startedAt, taken, sitePosition,
                config.maxDistanceMetres());
        Photo photo = new Photo(UUID.randomUUID(), orderId, upload.contentType(), upload.image().length,
                sha256(upload.image()), upload.fileName(), caller.subject(), WorkOrderService.now(), upload.takenAt(),
                latitude, longitude, flags);
        photos.add(photo, upload.image());
        return photo;
    }

    /** The photos of an order the caller may see, oldest first. */
    @Transactional
    public List<Photo> ofOrder(UUID orderId, Caller caller) {
        see(orderId, caller);
        return photos.ofOrder(orderId);
    }

    /**
     * A photo's image, when the caller may see the order and the photo belongs to it. The photo id is taken
     * as sent, so that the order is looked at first: an id that is no photo id at all is simply not found.
     */
    @Transactional
    public Photo.Image image(UUID orderId, String photoId, Caller caller) {
        see(orderId, caller);
        NotFound notFound = new NotFound("problem.photo.not-found", photoId);
        UUID id;
        try {
            id = UUID.fromString(photoId);
        } catch (IllegalArgumentException e) {
            throw notFound;
        }
        return photos.image(orderId, id).orElseThrow(() -> notFound);
    }

    private void see(UUID orderId, Caller caller) {
        WorkOrder order = orders.find(orderId).orElseThrow(() -> WorkOrderService.notFound(orderId));
        WorkOrderAccess.see(caller, order);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
