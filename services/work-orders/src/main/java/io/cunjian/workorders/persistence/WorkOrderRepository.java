package io.cunjian.workorders.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.workorders.domain.WorkOrderStatus;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WorkOrderRepository implements PanacheRepositoryBase<WorkOrderEntity, UUID> {

    /**
     * The filters of an order list; null means "any". {@code visibleRegions} (prefixes) and
     * {@code onlyContractor} are the caller's scope, applied before the filters.
     */
    public record Filter(List<String> visibleRegions, String onlyContractor, String region, String village,
            WorkOrderStatus status, String category, String contractor, LocalDate dueFrom, LocalDate dueTo, Boolean overdue,
            LocalDate today) {
    }

    public List<WorkOrderEntity> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long countSearch(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<WorkOrderEntity> query(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.onlyContractor() != null) {
            where.add("contractorId = :me");
            p.and("me", f.onlyContractor());
        } else {
            where.add(RegionPrefixes.anyOf("villageCode", f.visibleRegions(), p));
        }
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
            // overdue: a due date in the past and the work not done (completed, verified or cancelled)
            String open = "dueDate < :today and status not in (:done)";
            where.add(f.overdue() ? open : "not (dueDate is not null and " + open + ")");
            p.and("today", f.today());
            p.and("done", List.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED));
        }
        return find(String.join(" and ", where), Sort.by("createdAt").descending().and("id"), p);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
