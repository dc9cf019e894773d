package io.cunjian.reporting.domain;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The fresh set of read-model tables a rebuild fills, and the record of rebuilds (rp_rebuild). Each
 * method runs in a transaction of its own, except those that say they run in the caller's.
 */
public interface RebuildTables {

    /** In the caller's transaction: holds the one-at-a-time lock; rebuilds without a heartbeat for two minutes fail, their tables dropped. */
    void lockAndRetireAbandoned();

    /** In the caller's transaction: the rebuild still building, if any. */
    OptionalLong building();

    /** In the caller's transaction: records a new rebuild and makes its empty tables; its id. */
    long create(String requestedBy);

    Optional<Rebuilds.Rebuild> find(long id);

    /**
     * In the caller's transaction: the projection's statements go to the rebuild's tables, and the
     * commit does not wait for the disk (the replay can be made again; see {@link #swap}).
     */
    void use(long id);

    void heartbeat(long id, long events, long unreadable, boolean caughtUp);

    /** Fresh tables have no statistics: the planner would treat them as empty while they grow to millions of rows. */
    void analyse(long id);

    /**
     * Swaps the rebuilt tables in when they hold every event the live ones hold that the topics still
     * have ({@code topicEnds}, read while the live tables are held); false when the live tables are
     * still ahead, or could not be had in time (tried again later). A rebuild during which the
     * database restarted is failed instead (true: nothing more to read), since its commits do not
     * wait for the disk ({@link #use}).
     */
    boolean swap(long id, long events, long unreadable, Supplier<Map<ReadPositions.Partition, Long>> topicEnds);

    void fail(long id, String error);
}
