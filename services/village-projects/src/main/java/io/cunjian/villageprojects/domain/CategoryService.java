package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.villageprojects.persistence.WorkCategoryEntity;
import io.cunjian.villageprojects.persistence.WorkCategoryRepository;

/**
 * The work-category catalogue. There is deliberately no way to change a category's unit or group:
 * plans and work orders count quantities in the unit, so another unit is another category.
 */
@ApplicationScoped
public class CategoryService {

    private static final Logger LOG = Logger.getLogger(CategoryService.class);

    @Inject
    WorkCategoryRepository categories;
    @Inject
    Outbox outbox;

    @Transactional
    public WorkCategory.Outcome<CategoryEvents.Defined> define(String code, String nameZh, String nameEn,
            WorkCategory.Unit unit, WorkCategory.Group group) {
        var outcome = WorkCategory.define(code, nameZh, nameEn, unit, group, categories.findByIdOptional(code).isPresent());
        if (outcome instanceof WorkCategory.Accepted<CategoryEvents.Defined> accepted) {
            WorkCategory c = accepted.category();
            WorkCategoryEntity e = new WorkCategoryEntity();
            e.code = c.code();
            e.nameZh = c.nameZh();
            e.nameEn = c.nameEn();
            e.unit = c.unit();
            e.workGroup = c.group();
            categories.persist(e);
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

    /** Corrects the names if {@code ifMatch} names the current version (else 428/412). */
    @Transactional
    public Optional<WorkCategory.Outcome<CategoryEvents.Renamed>> rename(String code, String nameZh, String nameEn,
            String ifMatch) {
        Optional<WorkCategoryEntity> found = categories.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WorkCategoryEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        var outcome = e.toDomain().rename(nameZh, nameEn);
        if (outcome instanceof WorkCategory.Accepted<CategoryEvents.Renamed> accepted) {
            e.nameZh = accepted.category().nameZh();
            e.nameEn = accepted.category().nameEn();
            categories.flush();
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, e.toDomain().key(), CategoryEvents.RENAMED,
                    e.toDomain().key(), accepted.event()));
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<WorkCategoryEntity> find(String code) {
        return categories.findByIdOptional(code);
    }
}
