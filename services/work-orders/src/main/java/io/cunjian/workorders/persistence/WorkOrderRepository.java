package io.cunjian.workorders.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.workorders.domain.WorkOrderCriteria;
import io.cunjian.workorders.domain.WorkOrderStatus;
import io.cunjian.workorders.domain.WorkOrders;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WorkOrderRepository implements PanacheRepositoryBase<WorkOrderEntity, UUID> {

    public List<WorkOrderEntity> search(WorkOrders.Search search, int page, int size) {
        return query(search).page(Page.of(page, size)).list();
    }

    public long countSearch(WorkOrders.Search search) {
        return query(search).count();
    }

    private PanacheQuery<WorkOrderEntity> query(WorkOrders.Search search) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (search.onlyContractor() != null) {
            where.add("contractorId = :me");
            p.and("me", search.onlyContractor());
        } else {
            where.add(RegionPrefixes.anyOf("villageCode", search.visibleRegions(), p));
        }
        WorkOrderCriteria f = search.criteria();
        if (f.region() != null) {
            where.add("villageCode like :region escape '\\'");
            p.and("region", like(f.region()) + "%");
        }
        if (f.village() != null) {
            where.add("villageCode = :village");
            p.and("village", f.village());
        }
        if (f.status() != null) {
            where.add("status = :status");
            p.and("status", f.status());
        }
        if (f.category() != null) {
            where.add("categoryCode = :category");
            p.and("category", f.category());
        }
        if (f.contractor() != null) {
            where.add("contractorId = :contractor");
            p.and("contractor", f.contractor());
        }
        if (f.dueFrom() != null) {
            where.add("dueDate >= :dueFrom");
            p.and("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            where.add("dueDate <= :dueTo");
            p.and("dueTo", f.dueTo());
        }
        if (f.overdue() != null) {
            // the rule of WorkOrder.isOverdue, as a condition
            String overdue = "dueDate < :today and status in (:open)";
            where.add(f.overdue() ? overdue : "not (dueDate is not null and " + overdue + ")");
            p.and("today", search.today());
            p.and("open", WorkOrderStatus.openStatuses());
        }
        return find(String.join(" and ", where), Sort.by("createdAt").descending().and("id"), p);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
