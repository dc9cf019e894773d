package io.cunjian.villageprojects.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.villageprojects.events.CategoryEvents;

/**
 * The work-category catalogue. There is deliberately no way to change a category's unit or group:
 * plans and work orders count quantities in the unit, so another unit is another category.
 */
@ApplicationScoped
public class CategoryService {

    private static final Logger LOG = Logger.getLogger(CategoryService.class);
    /** The catalogue {@link Policies#READ_CATALOGUE} is asked about. */
    private static final String CATALOGUE = "categories";

    @Inject
    WorkCategories categories;
    @Inject
    Outbox outbox;

    @Transactional
    public WorkCategory.Outcome<CategoryEvents.Defined> define(String code, String nameZh, String nameEn,
            WorkCategory.Unit unit, WorkCategory.Group group) {
        var outcome = WorkCategory.define(code, nameZh, nameEn, unit, group, categories.find(code).isPresent());
        if (outcome instanceof WorkCategory.Accepted<CategoryEvents.Defined> accepted) {
            WorkCategory c = accepted.category();
            categories.add(c);
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, c.key(), CategoryEvents.DEFINED, c.key(), accepted.event()));
        }
        return outcome;
    }

    /**
     * Defines the entries not defined yet (each with its event), under a catalogue-wide lock so that
     * instances starting together define each once. Existing categories are left as staff keep them.
     */
    @Transactional
    public int defineMissing(List<DefaultCatalogue.Entry> entries) {
        categories.lockCatalogue();
        int defined = 0;
        for (DefaultCatalogue.Entry entry : entries) {
            if (define(entry.code(), entry.nameZh(), entry.nameEn(), entry.unit(), entry.group())
                    instanceof WorkCategory.Accepted<?>) {
                defined++;
            }
        }
        if (defined > 0) {
            LOG.infof("Defined %d categories of the default catalogue", defined);
        }
        return defined;
    }

    /**
     * Corrects the names if the category was read at its current version. A unit or group sent
     * with the new names must be the category's own: they never change.
     */
    @Transactional
    public WorkCategory.Outcome<CategoryEvents.Renamed> rename(String code, String nameZh, String nameEn,
            WorkCategory.Unit unit, WorkCategory.Group group, ExpectedVersion expected) {
        WorkCategory current = categories.findForChange(code).orElseThrow(() -> notFound(code));
        if (unit != null && unit != current.unit()) {
            throw new InvalidInput("unit", "problem.category.unit.fixed");
        }
        if (group != null && group != current.group()) {
            throw new InvalidInput("group", "problem.category.group.fixed");
        }
        expected.check(current.version());
        var outcome = current.rename(nameZh, nameEn);
        if (outcome instanceof WorkCategory.Accepted<CategoryEvents.Renamed> accepted) {
            categories.update(accepted.category());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, current.key(), CategoryEvents.RENAMED, current.key(),
                    accepted.event()));
        }
        return outcome;
    }

    /**
     * A category, for everyone who reads the catalogue. The code is checked after the caller, so a caller
     * who may not read the catalogue is refused whatever it sent.
     */
    @Transactional
    public WorkCategory find(Caller caller, String code) {
        caller.require(Policies.READ_CATALOGUE, CATALOGUE);
        if (!WorkCategory.isValidCode(code)) {
            throw new InvalidInput("code", "problem.category.code.invalid");
        }
        return categories.find(code).orElseThrow(() -> notFound(code));
    }

    /** The catalogue (one group of it when {@code group} is not null). */
    @Transactional
    public Results<WorkCategory> list(Caller caller, WorkCategory.Group group, int page, int size) {
        caller.require(Policies.READ_CATALOGUE, CATALOGUE);
        return new Results<>(categories.list(group, page, size), categories.count(group));
    }

    private static NotFound notFound(String code) {
        return new NotFound("problem.category.not-found", code);
    }
}
