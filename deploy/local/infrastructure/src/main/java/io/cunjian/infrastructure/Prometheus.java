package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machine's Prometheus server ({@code /usr/bin/prometheus}, Debian's {@code prometheus} package)
 * watching one stack: a configuration written from the stack's targets and rule files, its data in
 * {@code home}, its HTTP API on 127.0.0.1. One job per service, named after it (the alert rules
 * select on those names), and a job {@code kafka} for the brokers' JMX exporter agents.
 */
public final class Prometheus {

    public static final Path BINARY = Path.of(System.getProperty("cunjian.prometheus", "/usr/bin/prometheus"));
    static final String INSTALL = "apt-get install -y --no-install-recommends prometheus";

    /** Where one job's metrics are: {@code host:port} of each instance and the path. */
    public record Job(String name, List<String> targets, String metricsPath) {
    }

    /**
     * @param port               the HTTP port (UI and API)
     * @param scrapeInterval     how often every target is scraped
     * @param evaluationInterval how often rules and alerts are evaluated
     * @param ruleFiles          rule files loaded as they are
     */
    public record Settings(int port, Duration scrapeInterval, Duration evaluationInterval, List<Path> ruleFiles) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Settings settings;

    public Prometheus(Path home, Settings settings) {
        this.home = home.toAbsolutePath();
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public String url() {
        return "http://127.0.0.1:" + settings.port();
    }

    public Path log() {
        return home.resolve("prometheus.log");
    }

    private Path pidFile() {
        return home.resolve("prometheus.pid");
    }

    public Optional<ProcessHandle> running() {
        return Processes.alive(pidFile());
    }

    /** Writes the configuration, starts the server unless it runs, and waits until it is ready. */
    public long start(List<Job> jobs, Duration timeout) {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            return existing.get().pid();
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("no Prometheus at " + BINARY + ": install it with " + INSTALL);
        }
        if (Processes.portAnswers("127.0.0.1", settings.port())) {
            throw new IllegalStateException("port " + settings.port() + " for Prometheus is taken by a process the stack did not start");
        }
        Path config = writeConfig(jobs);
        long pid = Processes.startDetached(List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--storage.tsdb.retention.time=7d",
                "--web.listen-address=127.0.0.1:" + settings.port(),
                // the alert test's rule files are re-read on POST /-/reload, without a restart
                "--web.enable-lifecycle"), Map.of(), home, log());
        Processes.writePid(pidFile(), pid);
        boolean ready = Processes.await(timeout, () -> status("/-/ready") == 200
                || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        if (!ready || status("/-/ready") != 200) {
            Processes.stop(pidFile(), Duration.ofSeconds(5));
            throw new IllegalStateException("Prometheus did not start within " + timeout + "; last lines of " + log()
                    + ":\n" + Processes.tail(log(), 30));
        }
        return pid;
    }

    public boolean stop() {
        return Processes.stop(pidFile(), Duration.ofSeconds(20));
    }

    /** The configuration Prometheus runs with: every job scraped at the same interval, the rule files by absolute path. */
    public Path writeConfig(List<Job> jobs) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by the stack at each start; edits are lost.\n")
                .append("global:\n")
                .append("  scrape_interval: ").append(settings.scrapeInterval().toMillis()).append("ms\n")
                .append("  evaluation_interval: ").append(settings.evaluationInterval().toMillis()).append("ms\n")
                .append("rule_files:\n");
        settings.ruleFiles().forEach(f -> yaml.append("  - '").append(f.toAbsolutePath()).append("'\n"));
        yaml.append("scrape_configs:\n");
        for (Job job : jobs) {
            yaml.append("  - job_name: '").append(job.name()).append("'\n")
                    .append("    metrics_path: '").append(job.metricsPath()).append("'\n")
                    .append("    static_configs:\n")
                    .append("      - targets: [").append(String.join(", ", job.targets().stream().map(t -> "'" + t + "'").toList()))
                    .append("]\n");
        }
        try {
            Files.createDirectories(home.resolve("data"));
            Path config = home.resolve("prometheus.yml");
            Files.writeString(config, yaml);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the HTTP API ------------------------------------------------------------------------

    /** {@code GET /api/v1/<path>}; the {@code data} of a {@code success} answer, else an exception with Prometheus's error. */
    public JsonNode api(String pathAndQuery) {
        JsonNode answer = get("/api/v1/" + pathAndQuery);
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalArgumentException(answer.path("errorType").asText() + ": " + answer.path("error").asText());
        }
        return answer.path("data");
    }

    /** An instant query now: the {@code data} (resultType and result). */
    public JsonNode query(String promql) {
        return api("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Every metric name Prometheus holds (scraped series and recorded rules). */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        api("label/__name__/values").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The alerts now pending or firing, as {@code /api/v1/alerts} lists them. */
    public JsonNode alerts() {
        return api("alerts").path("alerts");
    }

    /** The state of the first alert named {@code name} ({@code pending}, {@code firing}), or {@code inactive}. */
    public String alertState(String name) {
        for (JsonNode a : alerts()) {
            if (name.equals(a.path("labels").path("alertname").asText())) {
                return a.path("state").asText();
            }
        }
        return "inactive";
    }

    /** Each target's job, instance and health ({@code up}, {@code down}, {@code unknown}). */
    public JsonNode targets() {
        return api("targets?state=active").path("activeTargets");
    }

    /** Re-reads the configuration and rule files. */
    public void reload() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/-/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("reload refused (" + r.statusCode() + "): " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
