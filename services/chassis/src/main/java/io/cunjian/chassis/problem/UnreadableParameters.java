package io.cunjian.chassis.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Query, path and header parameters read as dates, UUIDs or whole numbers: a value that is no such thing (a
 * day of seventeen characters, an id of 37, a number past 64 bits) is the caller's input, answered with the
 * 400 naming the parameter like any other bad field, where JAX-RS alone answers a 404 (query and path) or a
 * 400 that names nothing.
 */
@Provider
public class UnreadableParameters implements ParamConverterProvider {

    private static final Map<Class<?>, Function<String, Object>> READERS = Map.of(
            LocalDate.class, LocalDate::parse, UUID.class, UUID::fromString,
            Long.class, Long::valueOf, long.class, Long::valueOf,
            Integer.class, Integer::valueOf, int.class, Integer::valueOf);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> reader = READERS.get(rawType);
        String name = name(annotations);
        if (reader == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) reader.apply(value);
                } catch (RuntimeException e) {
                    throw new InvalidInputProblem(name, "problem.parameter.unreadable");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
