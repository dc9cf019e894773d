package io.cunjian.workorders.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TransitionRepository implements PanacheRepositoryBase<TransitionEntity, Long> {

    public List<TransitionEntity> history(UUID orderId) {
        return list("orderId", Sort.by("id"), orderId);
    }

    @SuppressWarnings("unchecked")
    public List<UUID> completionPhotos(UUID orderId) {
        return getEntityManager().createNativeQuery(
                "SELECT photo_id FROM work_order_completion_photo WHERE order_id = :order ORDER BY photo_id")
                .setParameter("order", orderId).getResultList();
    }

    public void replaceCompletionPhotos(UUID orderId, List<UUID> photoIds) {
        getEntityManager().createNativeQuery("DELETE FROM work_order_completion_photo WHERE order_id = :order")
                .setParameter("order", orderId).executeUpdate();
        for (UUID photo : photoIds) {
            getEntityManager().createNativeQuery(
                    "INSERT INTO work_order_completion_photo (order_id, photo_id) VALUES (:order, :photo) ON CONFLICT DO NOTHING")
                    .setParameter("order", orderId).setParameter("photo", photo).executeUpdate();
        }
    }
}
