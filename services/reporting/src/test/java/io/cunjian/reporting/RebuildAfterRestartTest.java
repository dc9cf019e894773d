package io.cunjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.cunjian.reporting.domain.RebuildTables;
import io.cunjian.reporting.domain.Rebuilds;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rebuild's commits do not wait for the disk (ADR 0034), so a PostgreSQL restart during its
 * replay may have lost some of them: such a rebuild is failed at the swap, never swapped in with
 * events missing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RebuildAfterRestartTest {

    @Inject
    RebuildTables tables;
    @Inject
    EntityManager em;

    @Test
    void aRebuildThatTheDatabaseRestartedDuringIsFailedNotSwappedIn() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            tables.lockAndRetireAbandoned();
            return tables.create("test");
        });
        // as if the server had restarted after the rebuild began
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE rp_rebuild SET started_at = pg_postmaster_start_time() - interval '1 minute' WHERE id = :id")
                .setParameter("id", id).executeUpdate());

        assertThat(tables.swap(id, 0, 0, Map::of)).as("nothing more to read").isTrue();

        Rebuilds.Rebuild rebuild = tables.find(id).orElseThrow();
        assertThat(rebuild.state()).isEqualTo("FAILED");
        assertThat(rebuild.error()).contains("PostgreSQL restarted during the replay");
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s").setParameter("s", "rp_build_" + id)
                .getSingleResult())).as("its tables are dropped").isEqualTo(0L);
    }
}
