package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.villageprojects.events.StandardEvents;

/**
 * Standard versions: drafts are created and edited without events; publishing freezes a version
 * and publishes {@code cunjian.standard.published.v1} under {@code standard:<id>}.
 */
@ApplicationScoped
public class StandardService {

    private static final Logger LOG = Logger.getLogger(StandardService.class);
    /** The catalogue {@link Policies#READ_CATALOGUE} is asked about. */
    private static final String CATALOGUE = "standards";

    @Inject
    Standards standards;
    @Inject
    Outbox outbox;

    /**
     * A new draft. With {@code basedOn} and no items of its own, the draft starts from the items of
     * that version (the usual way to prepare the next version of a standard). District admins whose
     * regions cover the scope draft it.
     */
    @Transactional
    public StandardVersion.Outcome draft(Caller caller, String id, String scope, String basedOn,
            StandardVersion.Content content) {
        caller.require(Policies.ADMINISTER_IN_REGION, scope);
        StandardVersion.Content start = content;
        if (basedOn != null) {
            var basis = standards.find(basedOn);
            if (basis.isEmpty()) {
                return new StandardVersion.Rejected(new StandardVersion.BasisNotFound(basedOn));
            }
            if (content.items().isEmpty()) {
                start = new StandardVersion.Content(content.nameZh(), content.nameEn(), content.illustrative(),
                        basis.get().items());
            }
        }
        var outcome = StandardVersion.draft(id, scope, basedOn, start, standards.exists(id));
        if (outcome instanceof StandardVersion.Accepted accepted) {
            standards.add(accepted.standard());
        }
        return outcome;
    }

    /** Replaces a draft's content if it was read at its current version. */
    @Transactional
    public StandardVersion.Outcome edit(Caller caller, String id, StandardVersion.Content content,
            ExpectedVersion expected) {
        StandardVersion current = standards.findForChange(id).orElseThrow(() -> notFound(id));
        requireAdministrator(caller, current);
        expected.check(current.version());
        var outcome = current.edit(content);
        if (outcome instanceof StandardVersion.Accepted accepted) {
            standards.update(accepted.standard());
        }
        return outcome;
    }

    /** Freezes the version if it was read at its current version and its items make a complete standard. */
    @Transactional
    public StandardVersion.Outcome publish(Caller caller, String id, ExpectedVersion expected) {
        StandardVersion current = standards.findForChange(id).orElseThrow(() -> notFound(id));
        requireAdministrator(caller, current);
        expected.check(current.version());
        return publish(current, caller.subject());
    }

    /** District admins whose regions cover a version's scope edit and publish it. */
    private static void requireAdministrator(Caller caller, StandardVersion version) {
        caller.require(Policies.ADMINISTER_IN_REGION, version.scope());
    }

    private StandardVersion.Outcome publish(StandardVersion draft, String publishedBy) {
        var outcome = draft.publish(publishedBy);
        if (outcome instanceof StandardVersion.Accepted accepted) {
            StandardVersion published = accepted.standard();
            standards.published(published, publishedBy, OffsetDateTime.now(ZoneOffset.UTC));
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, published.key(), StandardEvents.PUBLISHED,
                    published.key(), accepted.event()));
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
        if (standards.exists(DefaultStandard.ID)) {
            return false;
        }
        var drafted = StandardVersion.draft(DefaultStandard.ID, DefaultStandard.SCOPE, null, DefaultStandard.CONTENT, false);
        StandardVersion draft = ((StandardVersion.Accepted) drafted).standard();
        standards.add(draft);
        boolean published = publish(draft, "system") instanceof StandardVersion.Accepted;
        LOG.infof("Published the default standard version %s (illustrative)", DefaultStandard.ID);
        return published;
    }

    /** A version of the standard, for everyone who reads the catalogue. */
    @Transactional
    public StandardOnFile find(Caller caller, String id) {
        caller.require(Policies.READ_CATALOGUE, CATALOGUE);
        return standards.findOnFile(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The versions that apply to {@code covering} (empty: all), in {@code status} when not null. The code
     * is checked after the caller, so a caller who may not read the catalogue is refused whatever it sent.
     */
    @Transactional
    public Results<StandardOnFile> search(Caller caller, String covering, StandardVersion.Status status, int page,
            int size) {
        caller.require(Policies.READ_CATALOGUE, CATALOGUE);
        if (!covering.isEmpty() && !RegionCode.isValid(covering)) {
            throw new InvalidInput("covering", "problem.region.code.invalid");
        }
        return new Results<>(standards.search(covering, status, page, size), standards.countSearch(covering, status));
    }

    private static NotFound notFound(String id) {
        return new NotFound("problem.standard.not-found", id);
    }
}
