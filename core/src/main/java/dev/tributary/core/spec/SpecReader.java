package dev.tributary.core.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tributary.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an {@link IngestionSpec} and turns every way it can be wrong into an {@link InvalidSpecException}
 * that names the field by its path: an unknown field, a value of the wrong type, a missing required
 * field, a value out of bounds, an unknown {@code type}.
 */
public final class SpecReader {
    /** The field named when the whole document is wrong (not JSON, not an object). */
    private static final String DOCUMENT = "(document)";

    private SpecReader() {
    }

    public static IngestionSpec read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + file + ": " + e.getMessage(), e);
        }
    }

    public static IngestionSpec read(String json) {
        return read(json, IngestionSpec.class);
    }

    /** Reads any spec fragment (a dataSchema alone, for instance) with the same error reporting. */
    public static <T> T read(String json, Class<T> type) {
        try {
            T value = Json.mapper().readValue(json, type);
            if (value == null) {
                throw new InvalidSpecException(DOCUMENT, "is null; expected a JSON object");
            }
            return value;
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(DOCUMENT, "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** The spec error a Jackson mapping error means, with the field path. */
    public static InvalidSpecException translate(JsonMappingException e) {
        String path = path(e.getPath());
        String where = path.isEmpty() ? DOCUMENT : path;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new InvalidSpecException(path, "unknown field; known fields here are " + known);
        }
        if (e instanceof InvalidTypeIdException t) {
            String field = join(path, typeProperty(t.getBaseType()));
            if (t.getTypeId() == null) {
                return new InvalidSpecException(field, "is required" + knownTypes(t.getOriginalMessage()));
            }
            return new InvalidSpecException(field, "unknown type '" + t.getTypeId() + "'"
                    + knownTypes(t.getOriginalMessage()));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof SpecFieldException f) {
            return new InvalidSpecException(join(path, f.field()), f.problem());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new InvalidSpecException(where, e.getCause().getMessage());
        }
        if (e.getCause() instanceof IllegalArgumentException iae) {
            return new InvalidSpecException(where, iae.getMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new InvalidSpecException(where, "has the wrong type: expected "
                    + describe(m.getTargetType()) + " (" + firstLine(e.getOriginalMessage()) + ")");
        }
        return new InvalidSpecException(where, firstLine(e.getOriginalMessage()));
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The property that names the subtype: {@code type} in specs, {@code queryType} in queries. */
    private static String typeProperty(JavaType baseType) {
        JsonTypeInfo info = baseType == null ? null : baseType.getRawClass().getAnnotation(JsonTypeInfo.class);
        return info == null || info.property().isEmpty() ? "type" : info.property();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String knownTypes(String message) {
        int at = message == null ? -1 : message.indexOf("known type ids = ");
        if (at < 0) {
            return "";
        }
        String known = message.substring(at + "known type ids = ".length());
        int end = known.indexOf(']');
        return "; known types are " + (end >= 0 ? known.substring(0, end + 1) : known);
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "is invalid";
        }
        return message.lines().findFirst().orElse(message).trim();
    }
}
