package io.cunjian.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * Database failures that are not the service's bug, found answered 500 "internal error" by the
 * end-to-end sweep: a write while the database refused connections (e2e EveryFaultIT, a database away
 * for 30 s) is a 503 the client may retry; text PostgreSQL cannot store, such as U+0000 in a query
 * parameter or a field (e2e HostileInputIT), is the caller's 400. Which failures are which is decided here.
 */
class DatabaseFailuresTest {

    @Test
    void refusedOrLostConnectionsAreTheDatabaseBeingAway() {
        assertThat(UnexpectedFailures.databaseAway(new SQLException(
                "FATAL: database \"cunjian_work_orders\" is not currently accepting connections", "55000"))).isTrue();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))).isTrue();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("An I/O error occurred while sending to the backend", "08006"))).isTrue();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("FATAL: sorry, too many clients already", "53300"))).isTrue();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(UnexpectedFailures.databaseAway(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("cannot ALTER TABLE because it has pending trigger events", "55000")))
                .isFalse();
        assertThat(UnexpectedFailures.databaseAway(new SQLException("no state"))).isFalse();
        assertThat(UnexpectedFailures.databaseAway(new IllegalStateException("not SQL"))).isFalse();
    }

    @Test
    void textPostgresCannotStoreIsTheCallersProblem() {
        assertThat(UnexpectedFailures.unstorableCharacters(new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
                "22021"))).isTrue();
        assertThat(UnexpectedFailures.unstorableCharacters(new SQLException("character with byte sequence has no equivalent", "22P05")))
                .isTrue();
        assertThat(UnexpectedFailures.unstorableCharacters(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
