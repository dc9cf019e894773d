package io.cunjian.workorders.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Role;

/**
 * Contractor use cases: district admins register and change contractors, staff and viewers read them, a
 * contractor reads its own record. Contractors are this service's own reference data: no events.
 */
@ApplicationScoped
public class ContractorService {

    @Inject
    Contractors contractors;

    @Transactional
    public Contractor register(Caller caller, String id, Contractor.Details details) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        Contractor contractor = Contractor.register(id, details, contractors.exists(id));
        contractors.add(contractor);
        return contractors.find(id).orElseThrow();
    }

    /** Replaces the details when made against the current version (else 428/412). */
    @Transactional
    public Contractor update(Caller caller, String id, Contractor.Details details, ExpectedVersion expected) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        Contractor current = contractors.findForChange(id).orElseThrow(() -> notFound(id));
        expected.check(current.version());
        Contractor updated = current.update(details);
        if (updated != current) {
            contractors.update(updated);
        }
        return contractors.find(id).orElseThrow();
    }

    /** Staff and viewers read any contractor; a contractor only its own (another company's does not exist for it). */
    @Transactional
    public Contractor find(Caller caller, String id) {
        if (!caller.hasRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER) && !caller.contractorOwns(id)) {
            if (caller.hasRole(Role.CONTRACTOR)) {
                throw notFound(id);
            }
            caller.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER);
        }
        return contractors.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Results<Contractor> search(Caller caller, Contractors.Criteria criteria, int page, int size) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER);
        return new Results<>(contractors.search(criteria, page, size), contractors.count(criteria));
    }

    private static NotFound notFound(String id) {
        return new NotFound("problem.contractor.not-found", id);
    }
}
