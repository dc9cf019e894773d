package io.cunjian.workorders.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<PhotoEntity, UUID> {

    public boolean belongsTo(UUID photoId, UUID orderId) {
        return count("id = ?1 and orderId = ?2", photoId, orderId) > 0;
    }

    public List<PhotoEntity> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("uploadedAt").and("id"), orderId);
    }
}
