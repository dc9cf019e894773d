package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.cunjian.villageprojects.persistence.StandardVersionEntity;
import io.cunjian.villageprojects.persistence.StandardVersionRepository;

/**
 * Standard versions: drafts are created and edited without events; publishing freezes a version
 * and publishes {@code cunjian.standard.published.v1} under {@code standard:<id>}.
 */
@ApplicationScoped
public class StandardService {

    private static final Logger LOG = Logger.getLogger(StandardService.class);

    @Inject
    StandardVersionRepository standards;
    @Inject
    Outbox outbox;

    /**
     * A new draft. With {@code basedOn} and no items of its own, the draft starts from the items of
     * that version (the usual way to prepare the next version of a standard).
     */
    @Transactional
    public StandardVersion.Outcome draft(String id, String scope, String basedOn, StandardVersion.Content content) {
        StandardVersion.Content start = content;
        if (basedOn != null) {
            Optional<StandardVersionEntity> basis = standards.findByIdOptional(basedOn);
            if (basis.isEmpty()) {
                return new StandardVersion.Rejected(new StandardVersion.BasisNotFound(basedOn));
            }
            if (content.items().isEmpty()) {
                start = new StandardVersion.Content(content.nameZh(), content.nameEn(), content.illustrative(),
                        basis.get().toDomain().items());
            }
        }
        var outcome = StandardVersion.draft(id, scope, basedOn, start, standards.findByIdOptional(id).isPresent());
        if (outcome instanceof StandardVersion.Accepted accepted) {
            StandardVersionEntity e = new StandardVersionEntity();
            e.apply(accepted.standard());
            standards.persist(e);
        }
        return outcome;
    }

    /** Replaces a draft's content if {@code ifMatch} names its current version (else 428/412). */
    @Transactional
    public Optional<StandardVersion.Outcome> edit(String id, StandardVersion.Content content, String ifMatch) {
        Optional<StandardVersionEntity> found = standards.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StandardVersionEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        var outcome = e.toDomain().edit(content);
        if (outcome instanceof StandardVersion.Accepted accepted) {
            e.apply(accepted.standard());
            standards.flush();
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<StandardVersion.Outcome> publish(String id, String ifMatch, String publishedBy) {
        Optional<StandardVersionEntity> found = standards.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StandardVersionEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        return Optional.of(publish(e, publishedBy));
    }

    private StandardVersion.Outcome publish(StandardVersionEntity e, String publishedBy) {
        var outcome = e.toDomain().publish(publishedBy);
        if (outcome instanceof StandardVersion.Accepted accepted) {
            e.apply(accepted.standard());
            e.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            e.publishedBy = publishedBy;
            standards.flush();
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, accepted.standard().key(), StandardEvents.PUBLISHED,
                    accepted.standard().key(), accepted.event()));
        }
        return outcome;
    }

    /**
     * Publishes the illustrative default version once (locked, so instances starting together do
     * it once); a version with that id, draft or published, is left as it is.
     */
    @Transactional
    public boolean publishDefaultIfMissing() {
        standards.lockDefaults();
        if (standards.findByIdOptional(DefaultStandard.ID).isPresent()) {
            return false;
        }
        var drafted = StandardVersion.draft(DefaultStandard.ID, DefaultStandard.SCOPE, null, DefaultStandard.CONTENT, false);
        StandardVersionEntity e = new StandardVersionEntity();
        e.apply(((StandardVersion.Accepted) drafted).standard());
        standards.persist(e);
        standards.flush();
        boolean published = publish(e, "system") instanceof StandardVersion.Accepted;
        LOG.infof("Published the default standard version %s (illustrative)", DefaultStandard.ID);
        return published;
    }

    @Transactional
    public Optional<StandardVersionEntity> find(String id) {
        return standards.findByIdOptional(id);
    }
}
