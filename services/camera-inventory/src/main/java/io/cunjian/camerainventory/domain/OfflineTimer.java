package io.cunjian.camerainventory.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The service notices by itself that a camera fell silent: every {@code cunjian.cameras.sweep-every}
 * it takes offline the cameras whose last heartbeat is older than the online window. Several
 * instances may sweep at once: the sweep skips rows another holds and flips each camera once.
 */
@ApplicationScoped
public class OfflineTimer {

    private static final Logger LOG = Logger.getLogger(OfflineTimer.class);

    @Inject
    LiveStatus liveStatus;

    @Scheduled(identity = "cunjian-camera-offline-sweep", every = "${cunjian.cameras.sweep-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int n = liveStatus.sweep(Instant.now());
        if (n > 0) {
            LOG.debugf("%d camera(s) went offline (no heartbeat within the window)", n);
        }
    }
}
