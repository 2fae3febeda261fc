package dev.tributary.core.input;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.tributary.core.spec.FlattenSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link FlattenSpec} to a parsed event. JSONPath expressions are compiled once (Jayway
 * JsonPath, as Druid uses); a path that finds nothing gives null. Thread-safe.
 */
final class Flattener {
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final boolean discover;
    private final List<String> names = new ArrayList<>();
    private final List<java.util.function.Function<Map<String, Object>, Object>> readers = new ArrayList<>();

    Flattener(FlattenSpec spec) {
        this.discover = spec.useFieldDiscovery();
        for (FlattenSpec.Field field : spec.fields()) {
            names.add(field.name());
            readers.add(reader(field));
        }
    }

    /** Whether flattening changes anything: explicit fields, or discovery turned off. */
    boolean isIdentity() {
        return names.isEmpty() && discover;
    }

    private static java.util.function.Function<Map<String, Object>, Object> reader(FlattenSpec.Field field) {
        return switch (field.type()) {
            case "root" -> event -> event.get(field.expr());
            case "tree" -> event -> {
                Object node = event;
                for (String key : field.nodes()) {
                    node = node instanceof Map<?, ?> map ? map.get(key) : null;
                }
                return node;
            };
            default -> {
                JsonPath path = JsonPath.compile(field.expr());
                yield event -> normalize(path.read(event, JSON_PATH));
            }
        };
    }

    /** JSONPath functions give Integers and Doubles; whole doubles stay doubles as Druid keeps them. */
    private static Object normalize(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    Map<String, Object> flatten(Map<String, Object> event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (discover) {
            for (Map.Entry<String, Object> entry : event.entrySet()) {
                if (!(entry.getValue() instanceof Map)) {
                    fields.put(entry.getKey(), entry.getValue());
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), readers.get(i).apply(event));
        }
        return fields;
    }
}
