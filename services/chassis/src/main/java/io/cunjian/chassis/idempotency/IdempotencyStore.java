package io.cunjian.chassis.idempotency;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The table {@code idempotency_record} (migration db/chassis). Every call must run inside the request's
 * transaction: the connection is the transaction's, so the advisory lock lasts until commit or rollback.
 */
@ApplicationScoped
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Takes the scope's lock, held until the current transaction ends (so requests with the same scope run one after
     * the other), then reads the scope's answer. Two statements sent in one round trip: the read is a statement of its
     * own, so under READ COMMITTED it sees what a transaction that held the lock before committed. Read in the same
     * statement as the lock, it would see the database as it was before the wait for the lock.
     */
    Optional<StoredAnswer> lockAndFind(byte[] scopeHash, String scope) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement both = connection.prepareStatement("select pg_advisory_xact_lock(?); "
                        + "select request_hash, status, headers::text, body from idempotency_record where scope_hash = ? and expires_at > now()")) {
            both.setLong(1, ByteBuffer.wrap(scopeHash).getLong());
            both.setString(2, scope);
            both.execute(); // the lock's result first
            if (!both.getMoreResults()) {
                throw new IllegalStateException("the idempotency record's read returned no result");
            }
            try (ResultSet row = both.getResultSet()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredAnswer(row.getString(1), row.getInt(2), json.readValue(row.getString(3), HEADERS),
                        row.getString(4)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable idempotency record " + scope, e);
            }
        }
    }

    /** Replaces an expired record of the same scope, which {@link #find} no longer returns. */
    void save(String scope, String caller, String method, String path, String key, StoredAnswer answer, Instant expiresAt)
            throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into idempotency_record
                          (scope_hash, caller, method, path, idempotency_key, request_hash, status, headers, body, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now(), ?)
                        on conflict (scope_hash) do update set
                          request_hash = excluded.request_hash, status = excluded.status, headers = excluded.headers,
                          body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at
                        """)) {
            insert.setString(1, scope);
            insert.setString(2, caller);
            insert.setString(3, method);
            insert.setString(4, path);
            insert.setString(5, key);
            insert.setString(6, answer.requestHash());
            insert.setInt(7, answer.status());
            insert.setString(8, json.writeValueAsString(answer.headers()));
            insert.setString(9, answer.body());
            insert.setTimestamp(10, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    int deleteExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from idempotency_record where expires_at <= now()")) {
            return delete.executeUpdate();
        }
    }
}
