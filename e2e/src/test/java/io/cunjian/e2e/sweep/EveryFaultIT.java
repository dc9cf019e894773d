package io.cunjian.e2e.sweep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Faults;
import io.cunjian.e2e.World;
import io.cunjian.e2e.WriteStream;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.local.ServiceDescriptor;

/**
 * The full sweep's faults (not in CI; {@code ./mvnw -B verify -pl e2e -am -Pe2e-sweep}): each
 * service and the broker killed with {@code kill -9} in turn and restarted, two services' databases
 * refused for 30 s, and two instances each of work-orders and reporting. Each under a stream that
 * writes work orders, villages with plans and camera zones; each ends with lost = 0, counted twice = 0.
 */
@ExtendWith(E2eStack.Extension.class)
class EveryFaultIT {

    static final String CONTRACTOR = World.uscc("91220382MA14E2EW1");
    static final List<String> SERVICES = List.of("village-projects", "work-orders", "camera-inventory", "reporting");

    @ParameterizedTest(name = "kill -9 {0}")
    @ValueSource(strings = {"village-projects", "work-orders", "camera-inventory", "reporting"})
    void serviceKilledAndRestarted(String service, E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, "22038230" + (1 + SERVICES.indexOf(service)), "端到端杀进程乡", CONTRACTOR);
        WriteStream writes = run.stream("kill-" + service, 6, 30).mix(WriteStream.Mix.ALL).start();
        writes.awaitAcknowledged(30, Duration.ofMinutes(2));
        long t = System.nanoTime();
        stack.kill(service);
        Api.sleep(2000);
        stack.restart(service);
        System.out.printf("FAULT kill -9 %s: back after %.1f s%n", service, (System.nanoTime() - t) / 1e9);
        run.settleAndCheck(writes, "kill -9 " + service);
    }

    @Test
    void brokerKilledAndRestarted(E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, "220382305", "端到端杀代理乡", CONTRACTOR);
        WriteStream writes = run.stream("kill-kafka", 6, 30).mix(WriteStream.Mix.ALL).start();
        writes.awaitAcknowledged(30, Duration.ofMinutes(2));
        long t = System.nanoTime();
        stack.killBroker();
        Api.sleep(5000);
        stack.startBroker();
        System.out.printf("FAULT kill -9 Kafka: back after %.1f s%n", (System.nanoTime() - t) / 1e9);
        run.settleAndCheck(writes, "kill -9 Kafka broker");
    }

    @ParameterizedTest(name = "{0}'s database away for 30 s")
    @ValueSource(strings = {"work-orders", "reporting"})
    void databaseAwayForThirtySeconds(String service, E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, "22038231" + (1 + SERVICES.indexOf(service)), "端到端断库乡", CONTRACTOR);
        WriteStream writes = run.stream("db-" + service, 6, 30).mix(WriteStream.Mix.ALL).start();
        writes.awaitAcknowledged(30, Duration.ofMinutes(2));
        String db = stack.service(service).database();
        Postgres.Server server = stack.database();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            System.out.println("FAULT " + db + " refuses connections for 30 s (" + writes.acknowledged() + " orders acknowledged)");
            try {
                Api.sleep(30_000);
            } finally {
                st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            }
        }
        run.settleAndCheck(writes, service + "'s database away for 30 s");
    }

    @Test
    void twoInstancesOfWorkOrdersAndReportingShowTheSameFigures(E2eStack stack) throws Exception {
        ServiceDescriptor wo2 = stack.startSecondInstance("work-orders");
        ServiceDescriptor rp2 = stack.startSecondInstance("reporting");
        try {
            Faults.Run run = Faults.prepare(stack, "220382321", "端到端双实例乡", CONTRACTOR);
            WriteStream writes = run.stream("scale", 6, 30).mix(WriteStream.Mix.ALL)
                    .over(List.of(stack.service("work-orders").baseUrl(), wo2.baseUrl())).start();
            run.settleAndCheck(writes, "two instances of work-orders and reporting",
                    java.util.Arrays.asList(null, rp2.baseUrl()));
        } finally {
            stack.stack().stopService(wo2);
            stack.stack().stopService(rp2);
        }
    }
}
