package io.cunjian.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;

import io.cunjian.infrastructure.KafkaBroker;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.TokenMinter;
import io.cunjian.infrastructure.Topics;

/**
 * The whole system on one machine without Docker: {@code start}, {@code stop}, {@code status},
 * {@code smoke}, and {@code token} for bearer tokens. Run through {@code deploy/local/stack}, which
 * builds what is missing first. State (Kafka data, embedded PostgreSQL, logs, pids, the signing
 * key pair) lives in {@code deploy/local/.state/}.
 */
public final class Stack {

    private final Path root;
    private final StackSettings settings;
    private final Path state;
    private final List<ServiceDescriptor> services;
    private final KafkaBroker kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Stack(Path root) {
        this(root, StackSettings.standard(root.toAbsolutePath().normalize()));
    }

    /** An instance of the stack as {@code settings} place it (the developer's: {@link StackSettings#standard}). */
    public Stack(Path root, StackSettings settings) {
        this.root = root.toAbsolutePath().normalize();
        this.settings = settings;
        this.state = settings.state().toAbsolutePath();
        this.services = settings.services(this.root);
        this.kafka = new KafkaBroker(state.resolve("kafka"), this.root.resolve("deploy/local/kafka-dist/target/lib"),
                settings.kafkaPort(), settings.kafkaControllerPort());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("cunjian.root", "."));
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        Stack stack = new Stack(root);
        int exit = switch (command) {
            case "start" -> stack.start(options.contains("--embedded-pg") || Postgres.embeddedForced());
            case "stop" -> stack.stop();
            case "status" -> stack.status();
            case "smoke" -> stack.smoke();
            case "dlq" -> stack.deadLetters(options);
            case "token" -> stack.token(options);
            case "rebuild-reporting" -> stack.rebuildReporting();
            default -> {
                System.out.println("""
                        usage: deploy/local/stack <command>
                          start [--embedded-pg]  build what is missing, start Kafka, PostgreSQL and the services, load seeds
                          stop                   stop everything the stack started
                          status                 what runs, with pids and health
                          smoke                  check the running stack end to end (exit 1 on any failure)
                          dlq list <topic>.dlq   dead-lettered records not yet replayed, with their reasons
                          dlq replay <topic>.dlq re-send them to their topic once the cause is fixed
                          token --role <role>[,<role>] --regions <code>[,<code>] [--contractor <18-char id>]
                                [--sub <name>] [--ttl 8h] [--keys <dir>]
                                                 print a bearer token signed with the stack's key
                                                 (roles: district-admin township-staff contractor viewer device)
                          rebuild-reporting      reporting rebuilds its read models from offset zero while it runs and
                                                 switches over when caught up; says whether each village's figures
                                                 came out as before
                        CUNJIAN_PG=embedded forces the embedded PostgreSQL like --embedded-pg.""");
                yield "help".equals(command) ? 0 : 2;
            }
        };
        System.exit(exit);
    }

    // ---- start ----------------------------------------------------------------------------

    public int start(boolean forceEmbedded) throws Exception {
        TokenMinter.ensureKeyPair(keys());
        Postgres.Server db = startPostgres(forceEmbedded);
        prepareDatabases(db);
        say("PostgreSQL", (db.embedded() ? "embedded" : "machine") + " server at " + db.host() + ":" + db.port()
                + ", databases " + services.stream().map(ServiceDescriptor::database).toList());

        boolean wasRunning = kafka.running().isPresent();
        long kafkaPid = kafka.start(Duration.ofSeconds(90));
        try (Admin admin = kafka.admin()) {
            Topics.ensure(admin, "");
        }
        say("Kafka", (wasRunning ? "already running" : "started") + " (pid " + kafkaPid + ") at "
                + kafka.bootstrapServers() + ", topics " + Topics.specs().stream().map(Topics.Spec::name).toList());

        List<ServiceDescriptor> starting = new ArrayList<>();
        for (ServiceDescriptor s : services) {
            Optional<ProcessHandle> running = Processes.alive(pidFile(s));
            if (running.isPresent()) {
                say(s.name(), "already running (pid " + running.get().pid() + ")");
                continue;
            }
            if (Processes.portAnswers("127.0.0.1", s.port())) {
                throw new IllegalStateException("port " + s.port() + " of " + s.name()
                        + " is taken by a process the stack did not start");
            }
            launch(s, db);
            starting.add(s);
        }
        for (ServiceDescriptor s : starting) {
            if (!awaitReady(s, Duration.ofSeconds(120))) {
                return 1;
            }
            say(s.name(), "started (pid " + Processes.alive(pidFile(s)).map(ProcessHandle::pid).orElse(-1L) + ")");
        }
        if (settings.loadSeeds()) {
            loadSeeds();
        }
        printWhereEverythingIs(db);
        return 0;
    }

    /**
     * The services' databases and the broker's topics are one world: rows whose events went to
     * another broker (a second checkout's stack on the same PostgreSQL, a deleted state folder,
     * the other PostgreSQL) never reach this broker's consumers, and reporting would silently miss
     * them. So each database carries the cluster id of the broker it goes with; unless all of
     * them carry this broker's, both start afresh (seeds are loaded again) — and the stack says so.
     */
    void prepareDatabases(Postgres.Server db) {
        List<String> names = services.stream().map(ServiceDescriptor::database).toList();
        boolean brokerHadStorage = kafka.hasStorage();
        String mark = worldMark(kafka.clusterId());
        Map<String, String> existing = Postgres.comments(db, names);
        boolean oneWorld = existing.size() == names.size() && existing.values().stream().allMatch(mark::equals);
        if (oneWorld && !settings.freshDatabases()) {
            return;
        }
        if (kafka.running().isPresent()) {
            throw new IllegalStateException("databases " + names + " do not all go with the running Kafka;"
                    + " stop the stack (deploy/local/stack stop) and start it again to start both afresh");
        }
        if (!settings.freshDatabases() && !existing.isEmpty()) {
            say("PostgreSQL", "databases " + existing.keySet() + " and the broker's topics do not go together"
                    + " (another checkout's stack, or the other PostgreSQL?): both start afresh");
        } else if (!settings.freshDatabases() && brokerHadStorage) {
            say("PostgreSQL", "no databases here for the broker's topics (the other PostgreSQL?): both start afresh");
        }
        kafka.wipe();
        String newMark = worldMark(kafka.clusterId());
        for (String name : names) {
            Postgres.recreateDatabase(db, name);
            Postgres.comment(db, name, newMark);
        }
    }

    private static String worldMark(String kafkaClusterId) {
        return "cunjian stack; events on Kafka cluster " + kafkaClusterId;
    }

    /** Starts the packaged service as a detached process of its own; its pid goes to its pid file. */
    private long launch(ServiceDescriptor s, Postgres.Server db) {
        if (!Files.exists(s.runnableJar())) {
            throw new IllegalStateException(s.runnableJar() + " is missing: run ./mvnw -DskipTests package");
        }
        Map<String, String> env = serviceEnvironment(db);
        // the instance's port and database; the same values as the service's own configuration on the standard stack
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("CUNJIAN_DB_NAME", s.database());
        long pid = Processes.startDetached(List.of(Processes.javaBin(), "-Xms64m", "-Xmx384m",
                "-jar", s.runnableJar().toString()), env, root, logFile(s));
        Processes.writePid(pidFile(s), pid);
        return pid;
    }

    private boolean awaitReady(ServiceDescriptor s, Duration timeout) {
        boolean ready = Processes.await(timeout, () -> httpStatus(s.baseUrl() + "/q/health/ready") == 200
                || Processes.alive(pidFile(s)).isEmpty());
        if (!ready || Processes.alive(pidFile(s)).isEmpty()) {
            System.err.println(s.name() + " did not become ready; last lines of " + logFile(s) + ":\n"
                    + Processes.tail(logFile(s), 40));
            return false;
        }
        return true;
    }

    // ---- one process at a time (for the end-to-end suite's faults and scale-out) ------------

    public List<ServiceDescriptor> services() {
        return services;
    }

    public ServiceDescriptor service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The PostgreSQL server the running instance uses. */
    public Postgres.Server database() {
        return recordedDatabase().orElseThrow(() -> new IllegalStateException("the stack has not been started"));
    }

    /** The key the instance's services trust: tokens signed with it are valid there. */
    public java.security.PrivateKey signingKey() {
        return TokenMinter.ensureKeyPair(keys()).getPrivate();
    }

    /**
     * Starts {@code s} (a service of {@link #services()}, or another instance of one: same module and
     * database, its own name and port) and waits until it is ready; returns its pid.
     */
    public long startService(ServiceDescriptor s, Duration timeout) {
        long pid = launch(s, database());
        if (!awaitReady(s, timeout)) {
            throw new IllegalStateException(s.name() + " did not become ready within " + timeout);
        }
        return pid;
    }

    /** {@code kill -9} of the service's process: no shutdown hook, nothing flushed. */
    public void killService(ServiceDescriptor s) {
        Processes.alive(pidFile(s)).ifPresent(h -> {
            h.destroyForcibly();
            Processes.await(Duration.ofSeconds(10), () -> !h.isAlive());
        });
    }

    /** Stops the service gracefully (SIGTERM, then SIGKILL after 20 s). */
    public boolean stopService(ServiceDescriptor s) {
        return Processes.stop(pidFile(s), Duration.ofSeconds(20));
    }

    public Optional<ProcessHandle> process(ServiceDescriptor s) {
        return Processes.alive(pidFile(s));
    }

    /** Every process of this instance that runs now: services (all instances), the broker, an embedded PostgreSQL. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        try (var pids = Files.exists(state.resolve("pids")) ? Files.list(state.resolve("pids")) : java.util.stream.Stream.<Path>empty()) {
            pids.forEach(pid -> Processes.alive(pid).ifPresent(all::add));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        kafka.running().ifPresent(all::add);
        Processes.alive(state.resolve("postgres/server.pid")).ifPresent(all::add);
        return all;
    }

    public Path logFile(ServiceDescriptor s) {
        return state.resolve("logs/" + s.name() + ".log");
    }

    /** The article's regions, villages and plans, through the public APIs (a second start creates nothing). */
    /**
     * 永加社区's plan has all its lighting work verified by the seed orders, and 3 of 4 road
     * categories (its 200 parking spaces are only planned): lighting met, roads 0.75; the county's
     * roll-up counts it.
     */
    private List<String> seededProgress(String viewerToken) {
        String url = services.stream().filter(s -> s.name().equals("reporting")).findFirst().orElseThrow().baseUrl()
                + "/api/v1/reports/villages/220382201001";
        String[] last = {""};
        boolean shown = Processes.await(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + viewerToken).build(), HttpResponse.BodyHandlers.ofString());
                last[0] = r.statusCode() + " " + r.body();
                if (r.statusCode() != 200) {
                    return false;
                }
                var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
                String lighting = "";
                double roads = -1;
                for (var item : report.path("items")) {
                    if (item.path("code").asText().equals("street-lighting")) {
                        lighting = item.path("status").asText();
                    } else if (item.path("code").asText().equals("roads-and-drainage")) {
                        roads = item.path("progress").asDouble();
                    }
                }
                return lighting.equals("MET") && roads == 0.75;
            } catch (Exception e) {
                return false;
            }
        });
        if (!shown) {
            return List.of("reporting did not show lighting MET and roads 0.75 within 60 s: " + last[0]);
        }
        // and the county's roll-up counts it: 永加社区 among the villages meeting street lighting
        String region = url.replace("/villages/220382201001", "/regions/220382");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(region)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + viewerToken).build(), HttpResponse.BodyHandlers.ofString());
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            for (var item : report.path("items")) {
                if (item.path("itemCode").asText().equals("street-lighting") && item.path("met").asLong() >= 1) {
                    return List.of();
                }
            }
            return List.of("the roll-up of 220382 does not count 永加社区's street lighting as met: " + r.statusCode() + " " + r.body());
        } catch (Exception e) {
            return List.of("the roll-up of 220382 could not be read: " + e);
        }
    }

    private void loadSeeds() throws Exception {
        Seeds.Report report = seeds().load();
        say("seeds", report.created() + " created, " + report.existing() + " already there (" + Seeds.files(root.resolve("seeds")) + ")");
    }

    private Seeds seeds() throws IOException {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.name(), s.baseUrl()));
        var key = TokenMinter.ensureKeyPair(keys()).getPrivate();
        Seeds.TokenSource tokens = new Seeds.TokenSource() {
            @Override
            public String districtAdmin() {
                return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "seed-loader",
                        List.of("district-admin"), List.of("22"), null, Duration.ofMinutes(10)), key);
            }

            @Override
            public String contractor(String contractorId) {
                return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "seed-" + contractorId,
                        List.of("contractor"), List.of("22"), contractorId, Duration.ofMinutes(10)), key);
            }

            @Override
            public String device(String region) {
                return TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "seed-device",
                        List.of("device"), List.of(region), null, Duration.ofMinutes(10)), key);
            }
        };
        return new Seeds(root.resolve("seeds"), urls, tokens);
    }

    private Postgres.Server startPostgres(boolean forceEmbedded) throws IOException {
        Path pidFile = state.resolve("postgres/server.pid");
        Optional<Postgres.Server> recorded = recordedDatabase();
        if (recorded.isPresent() && (!recorded.get().embedded() || Processes.alive(pidFile).isPresent())) {
            Postgres.Server db = recorded.get();
            boolean anyServiceRunning = services.stream().anyMatch(s -> Processes.alive(pidFile(s)).isPresent());
            if (anyServiceRunning || db.embedded() == forceEmbedded) {
                if (db.embedded() != forceEmbedded) {
                    System.out.println("note: the stack already runs on the " + (db.embedded() ? "embedded" : "machine's")
                            + " PostgreSQL; stop it first to switch.");
                }
                return db;
            }
        }
        Postgres.Server db;
        if (!forceEmbedded && Postgres.machineServerAnswers()) {
            db = new Postgres.Server(Postgres.MACHINE_HOST, Postgres.MACHINE_PORT, Postgres.USER, false);
        } else {
            Path log = state.resolve("postgres/postgres.log");
            if (Processes.alive(pidFile).isEmpty()) {
                long pid = Processes.startDetached(List.of(Processes.javaBin(), "-Xmx128m",
                        "-cp", System.getProperty("java.class.path"), EmbeddedPostgresServer.class.getName(),
                        state.resolve("postgres/data").toString(), Integer.toString(settings.embeddedPgPort())),
                        Map.of(), root, log);
                Processes.writePid(pidFile, pid);
                if (!Processes.await(Duration.ofSeconds(90), () -> Processes.logContains(log, EmbeddedPostgresServer.READY_LINE)
                        || Processes.alive(pidFile).isEmpty()) || Processes.alive(pidFile).isEmpty()) {
                    throw new IllegalStateException("embedded PostgreSQL did not start:\n" + Processes.tail(log, 30));
                }
            }
            db = new Postgres.Server("127.0.0.1", settings.embeddedPgPort(), Postgres.USER, true);
        }
        Properties p = new Properties();
        p.setProperty("db.host", db.host());
        p.setProperty("db.port", Integer.toString(db.port()));
        p.setProperty("db.user", db.user());
        p.setProperty("db.embedded", Boolean.toString(db.embedded()));
        Files.createDirectories(state);
        try (var out = Files.newBufferedWriter(state.resolve("stack.properties"))) {
            p.store(out, "the database the running stack uses");
        }
        return db;
    }

    private Optional<Postgres.Server> recordedDatabase() {
        Path file = state.resolve("stack.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = ServiceDescriptor.load(file);
        return Optional.of(new Postgres.Server(p.getProperty("db.host"), Integer.parseInt(p.getProperty("db.port")),
                p.getProperty("db.user"), Boolean.parseBoolean(p.getProperty("db.embedded"))));
    }

    /** The environment variables a service reads (the same ones docker-compose sets). */
    private Map<String, String> serviceEnvironment(Postgres.Server db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", db.host());
        env.put("DB_PORT", Integer.toString(db.port()));
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", keys().resolve(TokenMinter.PUBLIC_KEY_FILE).toString());
        env.put("JWT_ISSUER", TokenMinter.LOCAL_ISSUER);
        // The web pages' development-only sign-in (chassis DevSignIn): on only here, never in docker-compose
        // or production, signing the demo users' tokens with the stack's own key.
        env.put("CUNJIAN_DEV_SIGN_IN_ENABLED", "true");
        env.put("CUNJIAN_DEV_SIGN_IN_KEY_LOCATION", keys().resolve(TokenMinter.PRIVATE_KEY_FILE).toString());
        env.putAll(settings.environment());
        return env;
    }

    private void printWhereEverythingIs(Postgres.Server db) {
        System.out.println();
        System.out.println("Cunjian is running.");
        for (ServiceDescriptor s : services) {
            System.out.printf("  %-17s %s   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi   health %s/q/health%n",
                    s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl(), s.baseUrl());
        }
        services.stream().filter(s -> s.name().equals("reporting")).forEach(s -> System.out.println(
                "  Dashboard         " + s.baseUrl() + "/dashboard/   (sign in as a demo user, README \"The web pages\")"));
        services.stream().filter(s -> s.name().equals("work-orders")).forEach(s -> System.out.println(
                "  Phone page        " + s.baseUrl() + "/contractor/   verification queue " + s.baseUrl() + "/staff/"));
        System.out.println("  Kafka             " + kafka.bootstrapServers() + " (KRaft; state in " + root.relativize(state.resolve("kafka")) + ")");
        System.out.println("  PostgreSQL        " + db.host() + ":" + db.port() + " user " + db.user()
                + (db.embedded() ? " (embedded)" : " (this machine's)"));
        System.out.println("  Logs              " + root.relativize(state.resolve("logs")));
        System.out.println("  Tokens            deploy/local/stack token --role district-admin --regions 220303"
                + "   (README.md, \"Calling the APIs\")");
        System.out.println("  Check it          deploy/local/stack smoke      Stop it   deploy/local/stack stop");
    }

    // ---- stop / status ----------------------------------------------------------------------

    public int stop() {
        for (ServiceDescriptor s : services) {
            if (Processes.stop(pidFile(s), Duration.ofSeconds(20))) {
                say(s.name(), "stopped");
            }
        }
        // further instances started beside them (startService), each with its pid file
        try (var pids = Files.exists(state.resolve("pids")) ? Files.list(state.resolve("pids")) : java.util.stream.Stream.<Path>empty()) {
            for (Path pid : pids.sorted().toList()) {
                if (Processes.stop(pid, Duration.ofSeconds(20))) {
                    say(pid.getFileName().toString().replace(".pid", ""), "stopped");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (kafka.stop()) {
            say("Kafka", "stopped");
        }
        if (Processes.stop(state.resolve("postgres/server.pid"), Duration.ofSeconds(30))) {
            say("PostgreSQL", "embedded server stopped");
        }
        return 0;
    }

    int status() {
        boolean allUp = true;
        Optional<Postgres.Server> db = recordedDatabase();
        if (db.isPresent() && db.get().embedded()) {
            Optional<ProcessHandle> pg = Processes.alive(state.resolve("postgres/server.pid"));
            allUp &= pg.isPresent();
            say("PostgreSQL", pg.map(h -> "embedded, running (pid " + h.pid() + ") on port " + db.get().port()).orElse("embedded, not running"));
        } else {
            boolean up = Postgres.machineServerAnswers();
            allUp &= up;
            say("PostgreSQL", "machine server at 127.0.0.1:5432 " + (up ? "answers" : "does not answer"));
        }
        Optional<ProcessHandle> k = kafka.running();
        allUp &= k.isPresent();
        say("Kafka", k.map(h -> "running (pid " + h.pid() + ") at " + kafka.bootstrapServers()).orElse("not running"));
        for (ServiceDescriptor s : services) {
            Optional<ProcessHandle> p = Processes.alive(pidFile(s));
            int ready = p.isPresent() ? httpStatus(s.baseUrl() + "/q/health/ready") : -1;
            allUp &= ready == 200;
            say(s.name(), p.map(h -> "running (pid " + h.pid() + ") at " + s.baseUrl() + ", readiness "
                    + (ready == 200 ? "UP" : "DOWN (" + ready + ")")).orElse("not running"));
        }
        return allUp ? 0 : 3;
    }

    // ---- smoke ----------------------------------------------------------------------------

    int smoke() throws Exception {
        Smoke smoke = new Smoke(http);
        try (Admin admin = kafka.admin()) {
            smoke.check("Kafka topics exist with their partitions, unlimited retention; auto-creation off",
                    () -> Topics.check(admin, ""));
        }
        String token = TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "smoke", List.of("viewer"),
                List.of("22"), null, Duration.ofMinutes(5)), TokenMinter.ensureKeyPair(keys()).getPrivate());
        for (ServiceDescriptor s : services) {
            smoke.checkHealthy(s);
            smoke.checkTokens(s, token, "smoke");
            smoke.checkWebPages(s);
        }
        String admin = TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "smoke-admin",
                List.of("district-admin"), List.of(SmokeFlows.SMOKE_REGION), null, Duration.ofMinutes(5)),
                TokenMinter.ensureKeyPair(keys()).getPrivate());
        new SmokeFlows(smoke, services, admin, kafka.bootstrapServers()).run();
        smoke.check("loading seeds/ again creates nothing", () -> {
            Seeds.Report again = seeds().load();
            return again.created() == 0 ? List.of() : List.of("a second load created " + again.created() + " rows");
        });
        smoke.check("reporting shows 永加社区's seeded verified work against its plan", () -> seededProgress(token));
        return smoke.report();
    }

    // ---- rebuild -------------------------------------------------------------------------

    /** reporting rebuilds its read models from offset zero while it runs; the figures before and after are compared. */
    int rebuildReporting() throws Exception {
        ServiceDescriptor reporting = services.stream().filter(s -> s.name().equals("reporting")).findFirst().orElseThrow();
        Postgres.Server db = recordedDatabase().orElseThrow(() -> new IllegalStateException("the stack is not running"));
        ReportingRebuild rebuild = new ReportingRebuild(db, reporting.database());
        Map<String, String> before = rebuild.figures();
        String token = TokenMinter.sign(TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER, "stack-rebuild", List.of("district-admin"),
                List.of("22"), null, Duration.ofMinutes(30)), TokenMinter.ensureKeyPair(keys()).getPrivate());
        say("reporting", "rebuilding its read models from offset zero (figures stay readable meanwhile)");
        var outcome = rebuild.run(reporting.baseUrl(), token, Duration.ofMinutes(30));
        if (!"SWITCHED".equals(outcome.path("state").asText())) {
            System.err.println("the rebuild did not finish: " + outcome);
            return 1;
        }
        Map<String, String> after = rebuild.figures();
        List<String> changed = new ArrayList<>();
        after.forEach((village, figure) -> {
            if (!figure.equals(before.get(village))) {
                changed.add(village + ": " + before.getOrDefault(village, "(none)") + " -> " + figure);
            }
        });
        before.keySet().stream().filter(v -> !after.containsKey(v)).forEach(v -> changed.add(v + ": " + before.get(v) + " -> (none)"));
        say("reporting", "rebuilt from " + outcome.path("events").asLong() + " events (" + outcome.path("repeats").asLong()
                + " repeats, " + outcome.path("unreadable").asLong() + " unreadable): " + after.size() + " villages with figures; "
                + (changed.isEmpty() ? "identical to before" : changed.size() + " differ from before (were the read models stale?):"));
        changed.stream().sorted().limit(50).forEach(line -> System.out.println("  " + line));
        return 0;
    }

    // ---- dead letters --------------------------------------------------------------------

    int deadLetters(List<String> options) {
        if (options.size() != 2 || !options.get(1).endsWith(".dlq")) {
            System.err.println("usage: deploy/local/stack dlq list|replay <topic>.dlq");
            return 2;
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        List<DeadLetters.Letter> letters = "replay".equals(options.get(0))
                ? DeadLetters.replay(bootstrap, options.get(1))
                : DeadLetters.list(bootstrap, options.get(1));
        for (DeadLetters.Letter l : letters) {
            System.out.printf("%s@%d key=%s from %s/%s@%s: %s%n", l.topic(), l.offset(), l.key(), l.sourceTopic(),
                    l.sourcePartition(), l.sourceOffset(), l.reason());
        }
        System.out.println(letters.size() + " record(s) " + ("replay".equals(options.get(0)) ? "re-sent" : "waiting"));
        return 0;
    }

    // ---- token ----------------------------------------------------------------------------

    /** Prints only the token, so that {@code TOKEN=$(deploy/local/stack token ...)} works. */
    int token(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!List.of("--role", "--regions", "--contractor", "--sub", "--ttl", "--keys").contains(name) || i + 1 == args.size()) {
                return usageError("unknown option or missing value: " + name);
            }
            o.merge(name, args.get(++i), (a, b) -> a + "," + b);
        }
        List<String> roles = split(o.get("--role"));
        List<String> regions = split(o.get("--regions"));
        String contractor = o.get("--contractor");
        if (roles.isEmpty() || !TokenMinter.ROLES.containsAll(roles)) {
            return usageError("--role must be one or more of " + TokenMinter.ROLES + ", got " + roles);
        }
        if (regions.isEmpty() || !regions.stream().allMatch(r -> r.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}"))) {
            return usageError("--regions must be region codes of 2, 4, 6, 9 or 12 digits, e.g. 220303; got " + regions);
        }
        if (roles.contains("contractor") != (contractor != null)) {
            return usageError("--contractor <unified social credit code> goes with --role contractor, and only with it");
        }
        if (contractor != null && !contractor.matches("[0-9A-Z]{18}")) {
            return usageError("--contractor must be an 18-character unified social credit code, got " + contractor);
        }
        Duration ttl;
        try {
            ttl = parseTtl(o.getOrDefault("--ttl", "8h"));
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        Path keyDir = o.containsKey("--keys") ? Path.of(o.get("--keys")).toAbsolutePath() : keys();
        TokenMinter.Claims claims = TokenMinter.Claims.of(TokenMinter.LOCAL_ISSUER,
                o.getOrDefault("--sub", "local-" + roles.get(0)), roles, regions, contractor, ttl);
        System.out.println(TokenMinter.sign(claims, TokenMinter.ensureKeyPair(keyDir).getPrivate()));
        return 0;
    }

    static Duration parseTtl(String ttl) {
        var m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(ttl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl must look like 90s, 30m, 8h or 7d; got " + ttl);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : List.of(csv.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static int usageError(String message) {
        System.err.println("token: " + message + " (deploy/local/stack help)");
        return 2;
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The stack's signing key pair, created by the first {@code start} or {@code token}. */
    private Path keys() {
        return state.resolve("keys");
    }

    private Path pidFile(ServiceDescriptor s) {
        return state.resolve("pids/" + s.name() + ".pid");
    }

    int httpStatus(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void say(String who, String what) {
        System.out.printf("%-17s %s%n", who, what);
    }
}
