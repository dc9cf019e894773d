package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.Callers;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Orders;
import io.cunjian.e2e.Truth;
import io.cunjian.e2e.World;
import io.cunjian.infrastructure.KafkaBroker;
import io.cunjian.local.ServiceDescriptor;

/**
 * Hostile input generated from the committed OpenAPI documents ({@code api-specs/openapi/*.yaml}):
 * for every operation, bodies with a required field missing, each field of the wrong type, huge,
 * negative and odd numbers, very long and unusual Unicode and injection-looking strings, malformed
 * JSON, bodies that are not objects, wrong content types; hostile path and query values; and every
 * protected operation without a token, with an expired, forged or unsigned one, as roles that must
 * not reach it and from another province. No answer may be a 5xx; tokens that are not valid get
 * 401, roles and regions that must not reach get 403 or 404; and every rejected request leaves the
 * row count of every table of every service and the end offset of every topic partition as it was.
 */
@ExtendWith(E2eStack.Extension.class)
class HostileInputIT {

    static final String TOWNSHIP = "220382331";
    static final String VILLAGE = TOWNSHIP + "001";
    static final String CONTRACTOR = World.uscc("91220382MA14E2EH1");

    private static final List<String> STRINGS = List.of(
            "村".repeat(100_000), "\u202Eevil\u202C", "😀👨‍👩‍👧‍👦", "\u0000nul", "\uFEFFbom", "Ω≈ç√∫˜µ≤≥÷", "𠜎𠜱𠝹𠱓",
            "'; DROP TABLE outbox_event; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
            "../../../../etc/passwd", "%00%0d%0a", "{{7*7}}", "");
    private static final List<Object> NUMBERS = List.of(-1, 0, 1e308, -1e308, new BigDecimal("123456789012345678901234567890.123456789"),
            0.0000001, Long.MAX_VALUE, Integer.MIN_VALUE);
    private static final List<String> MALFORMED = List.of("{", "[1,2", "{\"a\":}", "nul", "{\"a\":1}}", "[]", "null", "\"text\"", "42");

    record Finding(String what, String answer) {
    }

    static final List<Finding> accepted = new ArrayList<>();
    /** Refused by validation (or content negotiation) before the role or region was looked at: nothing leaks, nothing changes. */
    static final List<Finding> refusedBeforeAuthorization = new ArrayList<>();
    static int sent;

    /** Values of things that exist, used for properties of these names so that a body gets past "unknown village". */
    static final Map<String, Object> KNOWN = new LinkedHashMap<>();

    @Test
    void hostileInputIsRefusedWithoutAServerErrorAndChangesNothing(E2eStack stack) throws Exception {
        Fixture f = Fixture.make(stack);
        try (Observer observer = new Observer(stack)) {
            probe(stack, f, observer);
        }
    }

    private void probe(E2eStack stack, Fixture f, Observer observer) throws Exception {
        observer.awaitQuiet();
        List<String> problems = new ArrayList<>();
        Callers who = stack.callers();
        for (ServiceDescriptor service : stack.stack().services()) {
            Map<String, Object> doc = openApi(service.name());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            for (var p : paths.entrySet()) {
                for (var o : p.getValue().entrySet()) {
                    String method = o.getKey().toUpperCase();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> op = (Map<String, Object>) o.getValue();
                    String path = f.fill(p.getKey());
                    if (path == null) {
                        continue;
                    }
                    boolean isProtected = op.containsKey("security");
                    String op_ = method + " " + service.name() + p.getKey();
                    Target t = new Target(stack.api(), service.name(), method, path, observer, problems, op_);
                    byte[] body = method.equals("GET") ? null : plausibleBody(op, doc);
                    String ct = method.equals("GET") ? null : contentType(op, body);
                    if (isProtected) {
                        t.expect("no token", null, body, ct, Set.of(401));
                        t.expect("expired token", who.expired("district-admin", "22"), body, ct, Set.of(401));
                        t.expect("forged token", who.forged("district-admin", "22"), body, ct, Set.of(401));
                        t.expect("alg none token", who.unsigned("district-admin", "22"), body, ct, Set.of(401));
                        for (String role : mustNotReach(service.name(), method, p.getKey())) {
                            t.mustNotReach("as " + role, token(who, role, "22"), body, ct);
                        }
                        // Catalogues (categories, standard versions) and the contractor register are not regional (ADR 0013).
                        if (p.getKey().contains("{") && !p.getKey().startsWith("/api/v1/standards") && !p.getKey().startsWith("/api/v1/categories")
                                && !(method.equals("GET") && p.getKey().startsWith("/api/v1/contractors"))) {
                            t.mustNotReach("from another province", who.districtAdmin("21"), body, ct);
                        }
                    }
                    String bearer = privileged(who, service.name(), method, p.getKey());
                    for (String hostile : List.of("..%2F..%2Fetc", "%00", "x".repeat(5000), "%E6%9D%91", "'%20OR%201=1--", "-1")) {
                        String bad = f.fillHostile(p.getKey(), hostile);
                        if (bad != null) {
                            new Target(stack.api(), service.name(), method, bad, observer, problems, op_).anyButServerError(
                                    "path value " + abbreviate(hostile), bearer, null, null);
                        }
                    }
                    for (String q : queryParams(op)) {
                        for (String v : List.of("-1", "abc", "99999999999999999999", "%27%20OR%201%3D1", "%00")) {
                            t.anyButServerError("query " + q + "=" + v, bearer, null, null, "?" + q + "=" + v);
                        }
                    }
                    if (!method.equals("GET") && op.containsKey("requestBody")) {
                        Map<String, Object> schema = bodySchema(op, doc);
                        if (schema != null) {
                            for (var mutation : mutations(doc, schema).entrySet()) {
                                t.anyButServerError(mutation.getKey(), bearer, mutation.getValue(), "application/json");
                            }
                        }
                        for (String m : MALFORMED) {
                            t.rejected("malformed JSON " + m, bearer, m.getBytes(StandardCharsets.UTF_8), "application/json");
                        }
                        t.rejected("invalid UTF-8", bearer, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                                "application/json");
                        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                            t.rejected("content type " + wrong, bearer, "{}".getBytes(StandardCharsets.UTF_8), wrong);
                        }
                    }
                }
            }
        }
        System.out.println("HOSTILE: " + sent + " requests over the four OpenAPI documents; " + problems.size() + " problems; "
                + accepted.size() + " hostile-looking requests accepted (2xx) as valid data; " + refusedBeforeAuthorization.size()
                + " role/region checks refused by validation first");
        accepted.stream().limit(60).forEach(a -> System.out.println("  accepted: " + a.what() + " → " + abbreviate(a.answer())));
        problems.forEach(p -> System.out.println("  PROBLEM " + p));
        assertThat(problems).isEmpty();
    }

    @AfterAll
    static void forget() {
        accepted.clear();
        refusedBeforeAuthorization.clear();
    }

    // ---- who must not reach what (docs/api.md, "Calling the APIs" and each service's table) ---------

    /** Roles that must not reach an operation; GETs of staff data are open to staff and viewers alike. */
    static List<String> mustNotReach(String service, String method, String path) {
        if (path.equals("/me")) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        boolean write = !method.equals("GET");
        if (!(service.equals("camera-inventory") && path.equals("/api/v1/heartbeats"))) {
            roles.add("device");
        } else {
            return List.of("viewer", "contractor", "township-staff");
        }
        if (write) {
            roles.add("viewer");
            boolean contractorsOwn = path.endsWith("/start") || path.endsWith("/complete") || path.endsWith("/photos");
            if (!contractorsOwn) {
                roles.add("contractor");
            }
            if (path.endsWith("/corrections") || path.startsWith("/api/v1/contractors")) {
                roles.add("township-staff");
            }
        } else if (service.equals("community") && (path.startsWith("/api/v1/households") || path.startsWith("/api/v1/people"))) {
            // personal information: the region's staff only (docs/adr/0038-personal-data-in-community.md)
            roles.addAll(List.of("viewer", "contractor"));
        }
        return roles;
    }

    static String token(Callers who, String role, String region) {
        switch (role) {
            case "device": return who.device(region);
            case "viewer": return who.viewer(region);
            case "contractor": return who.contractor(World.uscc("91220382MA14E2EX9"));
            case "township-staff": return who.staff(region);
            default: return who.districtAdmin(region);
        }
    }

    /** A caller allowed to reach the operation, so the request gets as far as its validation. */
    static String privileged(Callers who, String service, String method, String path) {
        if (path.equals("/api/v1/heartbeats")) {
            return who.device("22");
        }
        if (path.endsWith("/start") || path.endsWith("/complete") || path.endsWith("/photos")) {
            return method.equals("GET") ? who.districtAdmin("22") : who.contractor(CONTRACTOR);
        }
        return who.districtAdmin("22");
    }

    // ---- requests and what they may answer ---------------------------------------------------

    static final class Target {
        final Api api;
        final String service;
        final String method;
        final String path;
        final Observer observer;
        final List<String> problems;
        final String op;

        Target(Api api, String service, String method, String path, Observer observer, List<String> problems, String op) {
            this.api = api;
            this.service = service;
            this.method = method;
            this.path = path;
            this.observer = observer;
            this.problems = problems;
            this.op = op;
        }

        Api.Answer send(String token, byte[] body, String contentType, String query) {
            Api.Call c = new ApiCall(api, service, method, path + (query == null ? "" : query)).call().as(token);
            if (body != null) {
                c.raw(body, contentType);
            } else if (!method.equals("GET")) {
                c.raw("{}".getBytes(StandardCharsets.UTF_8), "application/json");
            }
            sent++;
            return c.send();
        }

        void expect(String what, String token, byte[] body, String ct, Set<Integer> statuses) {
            if (body == null && !method.equals("GET")) {
                body = "{}".getBytes(StandardCharsets.UTF_8);
                ct = "application/json";
            }
            Map<String, Long> before = observer.snapshot();
            Api.Answer a = send(token, body, ct, null);
            if (!statuses.contains(a.status())) {
                problems.add(op + " " + what + ": expected " + statuses + ", got " + a);
            }
            unchanged(what, a, before);
        }

        /** A role or region that must not reach the operation: 403/404; a refusal by validation first is listed. */
        void mustNotReach(String what, String token, byte[] body, String ct) {
            Map<String, Long> before = observer.snapshot();
            Api.Answer a = send(token, body, ct, null);
            if (a.status() == 403 || a.status() == 404) {
                // as it should be
            } else if (a.status() >= 400 && a.status() < 500) {
                refusedBeforeAuthorization.add(new Finding(op + " " + what, a.toString()));
            } else {
                problems.add(op + " " + what + ": expected 403 or 404, got " + a);
                if (a.ok() && !method.equals("GET")) {
                    observer.awaitQuiet();
                    return;
                }
            }
            unchanged(what, a, before);
        }

        void anyButServerError(String what, String token, byte[] body, String ct) {
            anyButServerError(what, token, body, ct, null);
        }

        void anyButServerError(String what, String token, byte[] body, String ct, String query) {
            Map<String, Long> before = observer.snapshot();
            Api.Answer a = send(token, body, ct, query);
            if (a.status() < 0 || a.status() >= 500) {
                problems.add(op + " " + what + ": " + a);
            } else if (a.ok() && !method.equals("GET")) {
                accepted.add(new Finding(op + " " + what, a.toString()));
                observer.awaitQuiet(); // a valid write: its changes (and their events) are the point; let them settle
                return;
            }
            unchanged(what, a, before);
        }

        void rejected(String what, String token, byte[] body, String ct) {
            Map<String, Long> before = observer.snapshot();
            Api.Answer a = send(token, body, ct, null);
            if (a.status() < 400 || a.status() >= 500) {
                problems.add(op + " " + what + ": expected a 4xx, got " + a);
            }
            unchanged(what, a, before);
        }

        void unchanged(String what, Api.Answer a, Map<String, Long> before) {
            if (a.ok() && !method.equals("GET")) {
                return;
            }
            Map<String, Long> after = observer.snapshot();
            if (!after.equals(before)) {
                Map<String, String> diff = new TreeMap<>();
                after.forEach((k, v) -> {
                    if (!v.equals(before.get(k))) {
                        diff.put(k, before.get(k) + " → " + v);
                    }
                });
                problems.add(op + " " + what + " (answered " + a.status() + ") changed " + diff);
            }
        }
    }

    /** Api's calls are made through its public methods; this picks the one for the method. */
    record ApiCall(Api api, String service, String method, String path) {
        Api.Call call() {
            switch (method) {
                case "GET": return api.get(service, path);
                case "PUT": return api.put(service, path);
                default: return api.post(service, path);
            }
        }
    }

    // ---- generated bodies ---------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> bodySchema(Map<String, Object> op, Map<String, Object> doc) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        if (json == null && content.size() == 1) {
            return null;
        }
        return json == null ? null : resolve(doc, (Map<String, Object>) json.get("schema"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> schema) {
        if (schema != null && schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).replace("#/components/schemas/", "");
            return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas")).get(name);
        }
        return schema;
    }

    /** A plausible value for a schema: its example, its first enum value, or one of its type. */
    @SuppressWarnings("unchecked")
    static Object plausible(Map<String, Object> doc, Map<String, Object> schema, int depth) {
        schema = resolve(doc, schema);
        if (schema == null || depth > 3) {
            return "x";
        }
        if (schema.get("examples") instanceof List && !((List<Object>) schema.get("examples")).isEmpty()) {
            return ((List<Object>) schema.get("examples")).get(0);
        }
        if (schema.get("enum") instanceof List) {
            return ((List<Object>) schema.get("enum")).get(0);
        }
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "integer": return 1;
            case "number": return 1;
            case "boolean": return true;
            case "array": return List.of(plausible(doc, (Map<String, Object>) schema.get("items"), depth + 1));
            case "object": {
                Map<String, Object> o = new LinkedHashMap<>();
                Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                props.forEach((k, v) -> o.put(k, KNOWN.containsKey(k) ? KNOWN.get(k) : plausible(doc, (Map<String, Object>) v, depth + 1)));
                return o;
            }
            default:
                return "format".equals(schema.get("format")) ? "x" : "date".equals(schema.get("format")) ? LocalDate.now().toString() : "x";
        }
    }

    /** A body for the operation in its own content type: JSON from its schema, a photo for multipart, a line of text else. */
    @SuppressWarnings("unchecked")
    static byte[] plausibleBody(Map<String, Object> op, Map<String, Object> doc) throws IOException {
        if (!op.containsKey("requestBody")) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        Map<String, Object> schema = bodySchema(op, doc);
        if (schema != null) {
            return Api.JSON.writeValueAsBytes(plausible(doc, schema, 0));
        }
        String type = content.keySet().iterator().next();
        return type.startsWith("multipart/") ? io.cunjian.local.Photos.multipartJpeg("e2e-hostile", "x.jpg")
                : "serial,villageCode\nE2E-X,220382331001\n".getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static String contentType(Map<String, Object> op, byte[] body) {
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        String type = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
        return type.startsWith("multipart/") ? "multipart/form-data; boundary=e2e-hostile" : type;
    }

    /** Name → body: each required field missing, each field of the wrong type or hostile, an extra field. */
    @SuppressWarnings("unchecked")
    static Map<String, byte[]> mutations(Map<String, Object> doc, Map<String, Object> schema) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        ObjectNode base = (ObjectNode) Api.JSON.valueToTree(plausible(doc, schema, 0));
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        for (String r : required) {
            ObjectNode b = base.deepCopy();
            b.remove(r);
            out.put("without " + r, bytes(b));
        }
        Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (var prop : props.entrySet()) {
            Map<String, Object> ps = resolve(doc, (Map<String, Object>) prop.getValue());
            String type = ps == null ? "string" : String.valueOf(ps.get("type"));
            String name = prop.getKey();
            List<Object> values = new ArrayList<>(List.of(List.of(1, 2), Map.of("nested", "x")));
            values.add("string".equals(type) ? 12345 : "not-a-" + type);
            if (!"boolean".equals(type)) {
                values.add(true);
            }
            values.add(null);
            if ("integer".equals(type) || "number".equals(type)) {
                values.addAll(NUMBERS);
            } else if ("string".equals(type) || "null".equals(type)) {
                values.addAll(STRINGS);
            }
            for (Object v : values) {
                ObjectNode b = base.deepCopy();
                b.set(name, Api.JSON.valueToTree(v));
                out.put(name + " = " + abbreviate(String.valueOf(v)), bytes(b));
            }
        }
        ObjectNode extra = base.deepCopy();
        extra.put("__proto__", "x").put("'; DROP TABLE work_order; --", 1).set("id", Api.JSON.valueToTree(List.of("x")));
        out.put("extra fields", bytes(extra));
        // deeper than any JSON library is asked to nest: written as text, Jackson refuses to write it
        String json = new String(bytes(base), StandardCharsets.UTF_8);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        out.put("5000-deep array", (json.substring(0, json.length() - 1) + (base.isEmpty() ? "" : ",") + "\"deep\":" + deep + "}")
                .getBytes(StandardCharsets.UTF_8));
        return out;
    }

    static byte[] bytes(JsonNode n) throws IOException {
        return Api.JSON.writeValueAsBytes(n);
    }

    @SuppressWarnings("unchecked")
    static List<String> queryParams(Map<String, Object> op) {
        List<String> names = new ArrayList<>();
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
            Map<String, Object> m = (Map<String, Object>) p;
            if ("query".equals(m.get("in"))) {
                names.add((String) m.get("name"));
            }
        }
        return names;
    }

    static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> openApi(String service) throws IOException {
        Path file = E2eStack.root().resolve("api-specs/openapi/" + service + ".yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    // ---- what a rejected request must leave alone ----------------------------------------------

    /** Row counts of every table of every service's database, and every topic partition's end offset. */
    static final class Observer implements AutoCloseable {
        private final Map<String, Connection> dbs = new LinkedHashMap<>();
        private final Map<String, String> countQueries = new LinkedHashMap<>();
        private final Map<String, List<String>> tables = new LinkedHashMap<>();
        private final Admin admin;
        private final List<TopicPartition> partitions = new ArrayList<>();

        Observer(E2eStack stack) throws Exception {
            for (ServiceDescriptor s : stack.stack().services()) {
                Connection c = DriverManager.getConnection(stack.database().jdbcUrl(s.database()), stack.database().user(), "");
                List<String> names = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                dbs.put(s.name(), c);
                tables.put(s.name(), names);
                countQueries.put(s.name(), "SELECT " + String.join(", ", names.stream()
                        .map(t -> "(SELECT count(*) FROM \"" + t + "\")").toList()));
            }
            admin = KafkaBroker.admin(stack.stack().kafka().bootstrapServers());
            for (var d : admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values()) {
                if (!d.name().startsWith("__")) {
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
                }
            }
        }

        Map<String, Long> snapshot() {
            Map<String, Long> s = new TreeMap<>();
            try {
                for (var e : dbs.entrySet()) {
                    try (Statement st = e.getValue().createStatement(); ResultSet rs = st.executeQuery(countQueries.get(e.getKey()))) {
                        rs.next();
                        List<String> names = tables.get(e.getKey());
                        for (int i = 0; i < names.size(); i++) {
                            s.put(e.getKey() + "." + names.get(i), rs.getLong(i + 1));
                        }
                    }
                }
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
                admin.listOffsets(latest).all().get().forEach((p, o) -> s.put("offset " + p, o.offset()));
            } catch (SQLException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            s.keySet().removeIf(k -> k.endsWith(".flyway_schema_history"));
            return s;
        }

        /** Waits until nothing moves for 1.5 s (earlier writes published and applied). */
        void awaitQuiet() {
            Map<String, Long> last = snapshot();
            long quietSince = System.nanoTime();
            long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() - quietSince < 1_500_000_000L && System.nanoTime() < giveUp) {
                Api.sleep(500);
                Map<String, Long> now = snapshot();
                if (!now.equals(last)) {
                    quietSince = System.nanoTime();
                    last = now;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : dbs.values()) {
                c.close();
            }
            admin.close();
        }
    }

    // ---- things for the path parameters to name ------------------------------------------------

    static final class Fixture {
        final Map<String, String> values = new LinkedHashMap<>();

        static Fixture make(E2eStack stack) {
            Fixture f = new Fixture();
            World world = new World(stack).regions("22", "吉林省", "2203", "四平市", "220382", "双辽市", TOWNSHIP, "端到端恶意输入乡")
                    .standard().village(VILLAGE, "恶意输入村", true).contractor(CONTRACTOR, "端到端恶意输入工程有限公司");
            world.plan(VILLAGE, List.of(World.target("street-lighting", World.LAMPS, 10)), BigDecimal.valueOf(100));
            JsonNode inspection = world.inspection(VILLAGE, "sanitary-toilets", "PASS", LocalDate.now(Truth.CHINA), "hostile-i");
            Orders orders = new Orders(stack, Duration.ofMinutes(1));
            String order = orders.create(VILLAGE, World.LAMPS, BigDecimal.ONE, LocalDate.now(Truth.CHINA).plusDays(9), "hostile-o");
            orders.issue(VILLAGE, order, "hostile-o");
            orders.assign(VILLAGE, order, CONTRACTOR, "hostile-o");
            orders.start(order, CONTRACTOR, "hostile-o-start");
            String photo = stack.api().post("work-orders", "/api/v1/work-orders/" + order + "/photos").as(stack.callers().contractor(CONTRACTOR))
                    .key("hostile-photo").photo().expect(201).path("id").asText();
            long zone = stack.api().post("camera-inventory", "/api/v1/zones").as(world.provinceAdmin()).key("hostile-zone")
                    .json(Api.obj("villageCode", VILLAGE, "name", "恶意区", "kind", "OTHER")).expect(201).path("id").asLong();
            stack.api().post("camera-inventory", "/api/v1/cameras").as(world.provinceAdmin()).key("hostile-camera")
                    .json(Api.obj("serial", "E2E-HOSTILE-1", "villageCode", VILLAGE, "zoneId", zone, "model", "m", "vendor", "v",
                            "position", Api.obj("latitude", 43.5, "longitude", 123.5))).expect(201);
            KNOWN.put("villageCode", VILLAGE);
            KNOWN.put("townshipCode", TOWNSHIP);
            KNOWN.put("zoneId", zone);
            KNOWN.put("contractorId", CONTRACTOR);
            KNOWN.put("standardId", World.STANDARD);
            KNOWN.put("categoryCode", World.LAMPS);
            KNOWN.put("photoIds", List.of(photo));
            f.values.put("/api/v1/regions/{code}", TOWNSHIP);
            f.values.put("/api/v1/villages/{code}", VILLAGE);
            f.values.put("/api/v1/categories/{code}", World.LAMPS);
            f.values.put("/api/v1/standards/{id}", World.STANDARD);
            f.values.put("/api/v1/contractors/{id}", CONTRACTOR);
            f.values.put("/api/v1/work-orders/{id}", order);
            f.values.put("{photoId}", photo);
            f.values.put("/api/v1/zones/{id}", Long.toString(zone));
            f.values.put("/api/v1/cameras/{serial}", "E2E-HOSTILE-1");
            f.values.put("/api/v1/reports/villages/{code}", VILLAGE);
            f.values.put("/api/v1/reports/regions/{code}", TOWNSHIP);
            f.values.put("{day}", LocalDate.now(Truth.CHINA).minusDays(1).toString());
            f.values.put("/inspections/{id}", inspection.path("id").asText());
            return f;
        }

        private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

        /** The path with each parameter naming a thing that exists; null if one is not known. */
        String fill(String template) {
            return fillWith(template, null);
        }

        /** The path with its last parameter replaced by {@code hostile}; null without parameters. */
        String fillHostile(String template, String hostile) {
            return template.contains("{") ? fillWith(template, hostile) : null;
        }

        private String fillWith(String template, String hostileLast) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            int count = 0;
            int total = (int) PARAM.matcher(template).results().count();
            while (m.find()) {
                count++;
                String upTo = template.substring(0, m.end());
                String value = null;
                for (var e : values.entrySet()) {
                    if (upTo.endsWith(e.getKey())) {
                        value = e.getValue();
                    }
                }
                if (hostileLast != null && count == total) {
                    value = hostileLast;
                }
                if (value == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
