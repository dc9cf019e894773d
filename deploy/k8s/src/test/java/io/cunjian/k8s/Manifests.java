package io.cunjian.k8s;

import java.util.List;
import java.util.Map;

/** Reading rendered Kubernetes objects (YAML maps) without a model class per kind. */
final class Manifests {

    private Manifests() {
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return (String) at(object, "metadata", "name");
    }

    /** The value at a path of keys, or null where any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
