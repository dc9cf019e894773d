package io.cunjian.workorders.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;

/**
 * Work orders from a spreadsheet (ADR 0037): every row through the API's create use case, all in one transaction, so
 * a file creates all its orders or none. A row's id comes from its content; an order of that id already exists when
 * the row was imported before, and is left as it is (whatever its state now), so the same file twice changes nothing.
 */
@ApplicationScoped
public class WorkOrderImport {

    @Inject
    WorkOrderService service;
    @Inject
    WorkOrders orders;

    /** One row: the order it creates, under the id its content gives. */
    public record NewOrder(UUID id, String villageCode, String categoryCode, String unit, WorkOrder.Details details) {
    }

    /** The ids of the orders created and of those the file had already created. */
    public record Imported(List<UUID> created, List<UUID> unchanged) {
    }

    /** Every row is tried, so the refusal names each bad one; then all are written, or none. */
    @Transactional
    public Imported importAll(Caller caller, List<NewOrder> rows) {
        List<UUID> created = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        List<RowsRefused.Failure> failures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NewOrder row = rows.get(i);
            try {
                // the caller first: whether an order exists is not told outside the caller's regions
                caller.require(Policies.MANAGE_IN_REGION, row.villageCode());
                if (orders.find(row.id()).isPresent()) {
                    unchanged.add(row.id());
                } else {
                    service.createOne(caller, row.id(), row.villageCode(), row.categoryCode(), row.unit(), row.details());
                    created.add(row.id());
                }
            } catch (RuntimeException refused) {
                failures.add(new RowsRefused.Failure(i, refused));
            }
        }
        if (!failures.isEmpty()) {
            throw new RowsRefused(failures);
        }
        return new Imported(created, unchanged);
    }
}
