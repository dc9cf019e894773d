package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The work-category catalogue, as the category and plan use cases need it. */
public interface WorkCategories {

    Optional<WorkCategory> find(String code);

    /** The category, held until the transaction ends, so that concurrent renames queue up. */
    Optional<WorkCategory> findForChange(String code);

    /** Every category, by code. */
    Map<String, WorkCategory> all();

    /** Ordered by group, then code ({@code group} null: all groups). */
    List<WorkCategory> list(WorkCategory.Group group, int page, int size);

    long count(WorkCategory.Group group);

    void add(WorkCategory category);

    /** Stores corrected names; afterwards the stored version is {@code category.version()}. */
    void update(WorkCategory category);

    /**
     * Serialises whole-catalogue writes (the default catalogue at start-up) across instances until the
     * transaction ends, so that two instances starting together define each default once.
     */
    void lockCatalogue();
}
