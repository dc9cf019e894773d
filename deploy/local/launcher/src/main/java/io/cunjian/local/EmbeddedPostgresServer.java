package io.cunjian.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.cunjian.infrastructure.Postgres;

/**
 * Keeps an embedded PostgreSQL running for the local stack until this JVM is told to stop
 * (SIGTERM), then shuts the server down cleanly. Arguments: data directory, port.
 */
public final class EmbeddedPostgresServer {

    public static final String READY_LINE = "embedded PostgreSQL ready";

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres pg = Postgres.startEmbedded(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println(READY_LINE + " on 127.0.0.1:" + pg.getPort() + ", data in " + dataDir);
        System.out.flush();
        stopped.await();
    }
}
