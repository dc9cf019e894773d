package io.cunjian.workorders.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.workorders.persistence.ContractorEntity;
import io.cunjian.workorders.persistence.ContractorRepository;

/** Contractor use cases. Contractors are this service's own reference data: no events. */
@ApplicationScoped
public class ContractorService {

    @Inject
    ContractorRepository contractors;

    @Transactional
    public Contractor.Outcome register(String id, Contractor.Details details) {
        Contractor.Outcome outcome = Contractor.register(id, details, contractors.findByIdOptional(id).isPresent());
        if (outcome instanceof Contractor.Accepted accepted) {
            ContractorEntity e = new ContractorEntity();
            e.id = id;
            e.apply(accepted.contractor().details());
            contractors.persist(e);
            contractors.flush();
        }
        return outcome;
    }

    /** Replaces the details if {@code ifMatch} names the current version (else 428/412); empty when unknown. */
    @Transactional
    public Optional<Contractor.Outcome> update(String id, Contractor.Details details, String ifMatch) {
        Optional<ContractorEntity> found = contractors.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ContractorEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        Contractor.Outcome outcome = e.toDomain().update(details);
        if (outcome instanceof Contractor.Accepted accepted) {
            e.apply(accepted.contractor().details());
            contractors.flush();
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<Contractor> find(String id) {
        return contractors.findByIdOptional(id).map(ContractorEntity::toDomain);
    }
}
