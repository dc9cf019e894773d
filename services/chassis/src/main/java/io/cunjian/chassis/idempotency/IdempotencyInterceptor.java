package io.cunjian.chassis.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@link Idempotent}: serializes requests with one key on a transaction-scoped advisory lock, then either
 * replays the stored answer or runs the method and stores its answer in the same transaction.
 * Its priority is below {@code @Transactional}'s, so it opens the transaction the method then joins.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.CONTENT_TYPE);

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    Instance<SecurityIdentity> identity;

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotencyConfig config;

    @Inject
    ObjectMapper json;

    private volatile ObjectMapper canonical;

    private record Outcome(Object result, StoredAnswer answer, boolean replayed) {
    }

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        // Keys only mean something on an HTTP request that changes state (the annotation may sit on a whole class).
        if (currentRequest.getCurrent() == null || SAFE_METHODS.contains(currentRequest.getCurrent().request().method().name())) {
            return invocation.proceed();
        }
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(ProblemType.INVALID_IDEMPOTENCY_KEY, "problem.invalid-idempotency-key.detail", MAX_KEY_LENGTH);
        }
        String caller = caller();
        String method = request.method().name();
        String path = request.path();
        byte[] scopeHash = sha256(caller + '\n' + method + ' ' + path + '\n' + key);
        String scope = HexFormat.of().formatHex(scopeHash);
        String requestHash = HexFormat.of().formatHex(sha256(requestFingerprint(invocation)));

        Outcome outcome = QuarkusTransaction.joiningExisting().call(() -> {
            Optional<StoredAnswer> previous = store.lockAndFind(scopeHash, scope);
            if (previous.isPresent()) {
                if (!previous.get().requestHash().equals(requestHash)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "problem.idempotency-key-reused.detail", key);
                }
                return new Outcome(null, previous.get(), true);
            }
            Object result = invocation.proceed();
            StoredAnswer answer = capture(result, invocation.getMethod(), requestHash);
            store.save(scope, caller, method, path, key, answer, Instant.now().plus(config.retention()));
            return new Outcome(result, answer, false);
        });
        if (!outcome.replayed()) {
            return outcome.result();
        }
        Response replay = replay(outcome.answer());
        Class<?> returnType = invocation.getMethod().getReturnType();
        if (returnType.isAssignableFrom(Response.class)) {
            return replay;
        }
        // Any other return type cannot carry a stored answer: it travels as an exception the problem mappers pass through.
        throw new WebApplicationException(replay);
    }

    private String caller() {
        if (identity.isResolvable()) {
            SecurityIdentity current = identity.get();
            if (!current.isAnonymous()) {
                return current.getPrincipal().getName();
            }
        }
        return "anonymous";
    }

    /** What makes two requests "the same": every parameter except the request's context objects, as canonical JSON. */
    private byte[] requestFingerprint(InvocationContext invocation) throws IOException {
        List<Object> parts = new ArrayList<>();
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof FileUpload upload) {
                parts.add(Map.of("file", upload.fileName() == null ? "" : upload.fileName(),
                        "sha256", HexFormat.of().formatHex(sha256(Files.readAllBytes(upload.uploadedFile())))));
            } else if (parameter != null && isContextObject(parameter)) {
                continue;
            } else {
                parts.add(parameter);
            }
        }
        return canonicalJson().writeValueAsBytes(parts);
    }

    private static boolean isContextObject(Object parameter) {
        String name = parameter.getClass().getName();
        return parameter instanceof InputStream || parameter instanceof Principal || name.startsWith("jakarta.ws.rs.")
                || name.startsWith("io.vertx.") || name.startsWith("org.jboss.resteasy.") || name.startsWith("io.quarkus.")
                || name.startsWith("org.eclipse.microprofile.");
    }

    private ObjectMapper canonicalJson() {
        if (canonical == null) {
            ObjectMapper copy = json.copy();
            copy.setConfig(copy.getSerializationConfig()
                    .with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS));
            canonical = copy;
        }
        return canonical;
    }

    private StoredAnswer capture(Object result, Method method, String requestHash) throws IOException {
        int status;
        Map<String, String> headers = new LinkedHashMap<>();
        Object entity;
        if (result instanceof Response response) {
            status = response.getStatus();
            KEPT_HEADERS.forEach(name -> Optional.ofNullable(response.getHeaderString(name)).ifPresent(value -> headers.put(name, value)));
            entity = response.getEntity();
        } else if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            KEPT_HEADERS.forEach(name -> Optional.ofNullable(response.getHeaderString(name)).ifPresent(value -> headers.put(name, value)));
            entity = response.getEntity();
        } else {
            ResponseStatus declared = method.getAnnotation(ResponseStatus.class);
            status = declared != null ? declared.value() : result == null ? 204 : 200;
            entity = result;
        }
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        if (body != null) {
            headers.putIfAbsent(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return new StoredAnswer(requestHash, status, headers, body);
    }

    private static Response replay(StoredAnswer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).entity(answer.body());
        answer.headers().forEach(replay::header);
        return replay.header(REPLAYED_HEADER, "true").build();
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
