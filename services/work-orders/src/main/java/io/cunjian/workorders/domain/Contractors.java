package io.cunjian.workorders.domain;

import java.util.List;
import java.util.Optional;

/** The registered contractors (implemented in persistence). */
public interface Contractors {

    Optional<Contractor> find(String id);

    /** A contractor locked against concurrent changes until the transaction ends. */
    Optional<Contractor> findForChange(String id);

    boolean exists(String id);

    void add(Contractor contractor);

    /** Stores the new details of a contractor found for change. */
    void update(Contractor contractor);

    List<Contractor> search(Criteria criteria, int page, int size);

    long count(Criteria criteria);

    /** Filters of the contractor list; null means "any". */
    record Criteria(String name, Boolean active) {
    }
}
