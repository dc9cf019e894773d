package io.cunjian.chassis.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.cunjian.chassis.config.QuarkusSettings;
import io.quarkus.security.Authenticated;

/**
 * The methods a path supports, for the {@code Allow} header a 405 must carry (RFC 9110 §15.5.6):
 * Quarkus REST throws its NotAllowedException without one. Read once from the resource classes.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    /** A method at an address; {@code open}: it needs no token ({@code @PermitAll}). */
    private record Route(Pattern path, String method, boolean open) {
    }

    @Inject
    BeanManager beans;

    @Inject
    QuarkusSettings quarkus;

    private volatile List<Route> routes;

    public Set<String> of(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    /**
     * Whether some method at this path needs no token: then what the path takes is public, and a 405, 406 or 415
     * there is told to anyone (io.cunjian.chassis.security.AuthenticationFirst).
     */
    public boolean anyOpen(String path) {
        return routes().stream().anyMatch(route -> route.open() && route.path().matcher(path).matches());
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        found.add(new Route(regex(join(quarkus.restPath(), classPath.value(), methodPath == null ? "" : methodPath.value())),
                                httpMethod, open(type, method)));
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static boolean open(Class<?> type, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        boolean ownRule = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)
                || method.isAnnotationPresent(Authenticated.class);
        return !ownRule && type.isAnnotationPresent(PermitAll.class);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = segment.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start())));
            regex.append('(').append(variable.group(1) == null ? "[^/]+" : variable.group(1).trim()).append(')');
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
