package io.cunjian.villageprojects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.VersionMismatch;
import io.cunjian.chassis.domain.VersionRequired;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Role;
import io.quarkus.security.ForbiddenException;
import io.cunjian.villageprojects.events.StandardEvents;

/** The standard use cases over a register in memory: what is stored and announced, and what is refused. */
class StandardServiceTest {

    final Map<String, StandardOnFile> register = new LinkedHashMap<>();
    final List<OutgoingEvent> announced = new ArrayList<>();
    final StandardService service = new StandardService();
    final Caller admin = new Caller("admin", Set.of(Role.DISTRICT_ADMIN), Set.of("22"), Optional.empty());

    @BeforeEach
    void inMemory() {
        service.standards = new InMemoryStandards();
        service.outbox = new Outbox() {
            @Override
            public UUID publish(OutgoingEvent event) {
                announced.add(event);
                return UUID.randomUUID();
            }
        };
    }

    @Test
    void theDefaultStandardIsPublishedOnceWithOneEvent() {
        assertThat(service.publishDefaultIfMissing()).isTrue();
        assertThat(service.publishDefaultIfMissing()).isFalse();

        StandardOnFile published = service.find(admin, DefaultStandard.ID);
        assertThat(published.standard().status()).isEqualTo(StandardVersion.Status.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("system");
        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(StandardEvents.PUBLISHED);
            assertThat(e.key()).isEqualTo("standard:" + DefaultStandard.ID);
        });
    }

    @Test
    void aPublicationWithoutTheCurrentVersionIsRefusedAndNothingIsAnnounced() {
        assertThat(service.draft(admin, "jilin-2027-v1", "22", null, new StandardVersion.Content("标准", "standard", false,
                DefaultStandard.CONTENT.items()))).isInstanceOf(StandardVersion.Accepted.class);

        assertThatThrownBy(() -> service.publish(admin, "jilin-2027-v1", ExpectedVersion.none()))
                .isInstanceOf(VersionRequired.class);
        assertThatThrownBy(() -> service.publish(admin, "jilin-2027-v1", ExpectedVersion.of(3)))
                .isInstanceOf(VersionMismatch.class);
        assertThatThrownBy(() -> service.publish(admin, "no-such-version", ExpectedVersion.of(0)))
                .isInstanceOf(NotFound.class).hasMessage("problem.standard.not-found");

        assertThat(service.find(admin, "jilin-2027-v1").standard().status()).isEqualTo(StandardVersion.Status.DRAFT);
        assertThat(announced).isEmpty();
    }

    @Test
    void onlyAnAdministratorOfTheScopePublishesAndARefusedCallerChangesNothing() {
        service.draft(admin, "jilin-2027-v1", "22", null, new StandardVersion.Content("标准", "standard", false,
                DefaultStandard.CONTENT.items()));
        Caller otherProvince = new Caller("admin-21", Set.of(Role.DISTRICT_ADMIN), Set.of("21"), Optional.empty());
        Caller townshipStaff = new Caller("staff", Set.of(Role.TOWNSHIP_STAFF), Set.of("22"), Optional.empty());

        for (Caller refused : List.of(otherProvince, townshipStaff)) {
            assertThatThrownBy(() -> service.publish(refused, "jilin-2027-v1", ExpectedVersion.any()))
                    .isInstanceOf(ForbiddenException.class);
        }

        assertThat(service.find(townshipStaff, "jilin-2027-v1").standard().status())
                .isEqualTo(StandardVersion.Status.DRAFT);
        assertThat(announced).isEmpty();
        assertThat(service.publish(admin, "jilin-2027-v1", ExpectedVersion.any()))
                .isInstanceOf(StandardVersion.Accepted.class);
        assertThat(service.find(admin, "jilin-2027-v1").publishedBy()).isEqualTo("admin");
    }

    /** Keeps what the use cases store, as the register would; the aggregates count the versions. */
    class InMemoryStandards implements Standards {

        @Override
        public Optional<StandardVersion> find(String id) {
            return findOnFile(id).map(StandardOnFile::standard);
        }

        @Override
        public Optional<StandardOnFile> findOnFile(String id) {
            return Optional.ofNullable(register.get(id));
        }

        @Override
        public Optional<StandardVersion> findForChange(String id) {
            return find(id);
        }

        @Override
        public boolean exists(String id) {
            return register.containsKey(id);
        }

        @Override
        public void add(StandardVersion draft) {
            register.put(draft.id(), new StandardOnFile(draft, null, null));
        }

        @Override
        public void update(StandardVersion standard) {
            register.put(standard.id(), new StandardOnFile(standard, null, null));
        }

        @Override
        public void published(StandardVersion standard, String publishedBy, OffsetDateTime publishedAt) {
            register.put(standard.id(), new StandardOnFile(standard, publishedAt, publishedBy));
        }

        @Override
        public List<StandardOnFile> search(String covering, StandardVersion.Status status, int page, int size) {
            return List.copyOf(register.values());
        }

        @Override
        public long countSearch(String covering, StandardVersion.Status status) {
            return register.size();
        }

        @Override
        public void lockDefaults() {
            // one thread: nothing to wait for
        }
    }
}
