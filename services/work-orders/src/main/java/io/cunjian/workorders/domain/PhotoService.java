package io.cunjian.workorders.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cunjian.workorders.persistence.PhotoEntity;
import io.cunjian.workorders.persistence.PhotoRepository;
import io.cunjian.workorders.persistence.TransitionEntity;
import io.cunjian.workorders.persistence.TransitionRepository;
import io.cunjian.workorders.persistence.WorkOrderEntity;
import io.cunjian.workorders.persistence.WorkOrderRepository;

/** Evidence photos of a work order (ADR 0008): stored with the order, flagged when suspicious. */
@ApplicationScoped
public class PhotoService {


    public sealed interface Outcome permits Stored, Refused {
    }

    public record Stored(PhotoEntity photo) implements Outcome {
    }

    public record Refused(WorkOrderStatus current) implements Outcome {
    }

    @Inject
    WorkOrderRepository orders;
    @Inject
    TransitionRepository transitions;
    @Inject
    PhotoRepository photos;

    @ConfigProperty(name = "cunjian.photos.max-distance-metres", defaultValue = "1000")
    double maxDistanceMetres;

    /**
     * Stores a photo of an order in progress; {@code guard} refuses the caller (throws). Empty when the
     * order does not exist.
     */
    @Transactional
    public Optional<Outcome> upload(UUID orderId, Consumer<WorkOrder> guard, byte[] image, String contentType,
            String fileName, OffsetDateTime takenAt, PhotoEvidence.Position position, String by) {
        Optional<WorkOrderEntity> found = orders.findByIdOptional(orderId, LockModeType.PESSIMISTIC_READ);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WorkOrder order = found.get().toDomain(List.of());
        guard.accept(order);
        if (order.status() != WorkOrderStatus.IN_PROGRESS) {
            return Optional.of(new Refused(order.status()));
        }
        OffsetDateTime startedAt = transitions.history(orderId).stream()
                .filter(t -> t.toStatus == WorkOrderStatus.IN_PROGRESS).map((TransitionEntity t) -> t.at).findFirst()
                .orElse(null);
        WorkOrder.Location site = order.details().location();
        PhotoEvidence.Position sitePosition = site == null || site.latitude() == null ? null
                : new PhotoEvidence.Position(site.latitude(), site.longitude());
        PhotoEntity p = new PhotoEntity();
        p.id = UUID.randomUUID();
        p.orderId = orderId;
        p.contentType = contentType;
        p.sizeBytes = image.length;
        p.sha256 = sha256(image);
        p.fileName = fileName;
        p.data = image;
        p.uploadedBy = by;
        p.uploadedAt = WorkOrderService.now();
        p.takenAt = takenAt;
        p.latitude = position == null ? null : position.latitude();
        p.longitude = position == null ? null : position.longitude();
        p.flags = String.join(",", PhotoEvidence.flags(takenAt, startedAt, position, sitePosition, maxDistanceMetres));
        photos.persist(p);
        return Optional.of(new Stored(p));
    }

    @Transactional
    public List<PhotoEntity> ofOrder(UUID orderId) {
        return photos.ofOrder(orderId);
    }

    /** The photo with its bytes, when it belongs to the order. */
    @Transactional
    public Optional<PhotoEntity> find(UUID orderId, UUID photoId) {
        Optional<PhotoEntity> photo = photos.findByIdOptional(photoId).filter(p -> p.orderId.equals(orderId));
        photo.ifPresent(p -> p.data.getClass()); // load the bytes inside the transaction
        return photo;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
