package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Decision;
import io.cunjian.chassis.security.Policy;
import io.cunjian.chassis.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds all read models online (ADR 0010): the three topics are read from offset zero into
 * fresh tables of their own, through the same consumption and projection as live events, while the
 * live consumers go on; once caught up the two sets of tables are swapped in one transaction, and
 * readers and live consumers on any instance simply see the new tables from then on. One rebuild at
 * a time across instances; one whose instance died stops blocking after two minutes without a heartbeat.
 */
@ApplicationScoped
public class Rebuilds {

    public record Rebuild(@Min(1) @Max(Long.MAX_VALUE) long id, @Size(max = 20) String state, @Size(max = Bounds.ACTOR) String requestedBy,
            OffsetDateTime startedAt, OffsetDateTime caughtUpAt, OffsetDateTime finishedAt, @Min(0) @Max(Long.MAX_VALUE) long events,
            @Min(0) @Max(Long.MAX_VALUE) long repeats, @Min(0) @Max(Long.MAX_VALUE) long unreadable, @Size(max = 2000) String error) {
    }

    /** Reporting's figures span every region: only a district admin whose regions cover a whole city (or more). */
    static final Policy<Caller> REBUILD = Policy.named("rebuild-read-models", (caller, self) ->
            caller.hasRole(Role.DISTRICT_ADMIN) && caller.regions().stream().anyMatch(r -> r.length() <= 4)
                    ? Decision.ALLOW : Decision.FORBIDDEN);

    @Inject
    RebuildTables tables;
    @Inject
    EventReplay replay;

    /** Starts a rebuild on this instance, unless one is running anywhere; the caller is named as who asked. */
    public Rebuild start(Caller caller) {
        caller.require(REBUILD, caller);
        String requestedBy = caller.subject();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            tables.lockAndRetireAbandoned();
            OptionalLong running = tables.building();
            if (running.isPresent()) {
                throw new StateConflict(Map.of("id", running.getAsLong(), "state", "BUILDING"), "problem.rebuild.running",
                        running.getAsLong());
            }
            return tables.create(requestedBy);
        });
        replay.start(id);
        return tables.find(id).orElseThrow();
    }

    /** A rebuild, for those who may start one. */
    public Rebuild find(Caller caller, long id) {
        caller.require(REBUILD, caller);
        return tables.find(id).orElseThrow(() -> new NotFound("problem.rebuild.not-found", id));
    }
}
