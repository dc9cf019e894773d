package io.cunjian.workorders.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.cunjian.workorders.domain.Contractor;
import io.cunjian.workorders.domain.Contractors;

/** Contractors in PostgreSQL. */
@ApplicationScoped
public class ContractorsInDatabase implements Contractors {

    @Inject
    ContractorRepository contractors;

    @Override
    public Optional<Contractor> find(String id) {
        return contractors.findByIdOptional(id).map(ContractorEntity::toDomain);
    }

    @Override
    public Optional<Contractor> findForChange(String id) {
        return contractors.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(ContractorEntity::toDomain);
    }

    @Override
    public boolean exists(String id) {
        return contractors.findByIdOptional(id).isPresent();
    }

    @Override
    public void add(Contractor contractor) {
        ContractorEntity e = new ContractorEntity();
        e.id = contractor.id();
        e.apply(contractor.details());
        contractors.persist(e);
        contractors.flush();
    }

    @Override
    public void update(Contractor contractor) {
        ContractorEntity e = contractors.findById(contractor.id()); // the row found for change, already locked
        e.apply(contractor.details());
        contractors.flush();
    }

    @Override
    public List<Contractor> search(Criteria criteria, int page, int size) {
        return contractors.search(criteria, page, size).stream().map(ContractorEntity::toDomain).toList();
    }

    @Override
    public long count(Criteria criteria) {
        return contractors.countSearch(criteria);
    }
}
