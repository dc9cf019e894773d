package io.cunjian.chassis.problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Bean Validation's violations of a request as the 400 naming each offending field the way the request
 * names it (JSON path of the body, or the query, path or header parameter); a violation of what the
 * service itself returns is a fault of the service, answered as such.
 */
@Singleton
public class ValidationProblems {

    @Inject
    ProblemMappers mappers;

    @ServerExceptionMapper(priority = ProblemMappers.PRIORITY)
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        boolean fromRequest = e instanceof ResteasyReactiveViolationException
                ? violations.stream().noneMatch(ValidationProblems::isReturnValue)
                // outside a resource method only entity/bean validation (no method in the path) is the caller's input
                : violations.stream().noneMatch(v -> hasKind(v, ElementKind.METHOD) || hasKind(v, ElementKind.CONSTRUCTOR));
        if (!fromRequest) {
            return mappers.internal(e, request);
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return mappers.answer(request, ProblemType.VALIDATION,
                Messages.text(ProblemMappers.locale(request), "problem.validation.detail", errors.size()), errors, Map.of(), Map.of());
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        return hasKind(violation, ElementKind.RETURN_VALUE);
    }

    private static boolean hasKind(ConstraintViolation<?> violation, ElementKind kind) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JSON path of a violation, without the method and the body parameter: {@code create.body.contact.phone}
     * becomes {@code contact.phone}; a violated query, path or header parameter is named as the request names it.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        List<String> parts = new ArrayList<>();
        Path.MethodNode method = null;
        String parameterName = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> {
                    Path.ParameterNode parameter = node.as(Path.ParameterNode.class);
                    parameterName = requestName(violation.getRootBeanClass(), method, parameter);
                }
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER, BEAN -> {
                }
                default -> {
                    String name = node.getName();
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (node.isInIterable() && at != null) {
                        if (parts.isEmpty()) {
                            parts.add("[" + at + "]");
                        } else {
                            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + at + "]");
                        }
                    }
                    if (name != null && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            // the parameter itself was violated: a query/path/header parameter, or the body as a whole
            return parameterName == null ? "body" : parameterName;
        }
        return String.join(".", parts);
    }

    /** The name a request gives a parameter ({@code @QueryParam("page")}), or "body" for the entity parameter. */
    private static String requestName(Class<?> bean, Path.MethodNode methodNode, Path.ParameterNode parameter) {
        if (methodNode == null) {
            return parameter.getName();
        }
        Class<?>[] types = methodNode.getParameterTypes().toArray(Class<?>[]::new);
        // resource beans may be CDI subclasses whose overriding methods carry no annotations: look up the hierarchy
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            Method declared;
            try {
                declared = type.getDeclaredMethod(methodNode.getName(), types);
            } catch (NoSuchMethodException e) {
                continue;
            }
            var annotations = declared.getParameterAnnotations()[parameter.getParameterIndex()];
            if (annotations.length == 0) {
                continue;
            }
            for (var annotation : annotations) {
                String simpleName = annotation.annotationType().getSimpleName();
                if (simpleName.matches("(Query|Path|Header|Form|Cookie|Matrix)Param|Rest(Query|Path|Header|Form|Cookie|Matrix)")) {
                    try {
                        Object value = annotation.annotationType().getMethod("value").invoke(annotation);
                        return value == null || value.toString().isEmpty() ? parameter.getName() : value.toString();
                    } catch (ReflectiveOperationException e) {
                        return parameter.getName();
                    }
                }
            }
            return "body";
        }
        return "body";
    }
}
