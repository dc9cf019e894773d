package io.cunjian.chassis.idempotency;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes expired idempotency records. Running on every replica at once is harmless: the deletes are idempotent. */
@ApplicationScoped
class IdempotencyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    @Inject
    IdempotencyStore store;

    @Scheduled(identity = "cunjian-idempotency-cleanup", every = "${cunjian.idempotency.cleanup-every:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() throws SQLException {
        int deleted = store.deleteExpired();
        if (deleted > 0) {
            LOG.debugf("Deleted %d expired idempotency records", deleted);
        }
    }
}
