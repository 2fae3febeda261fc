package dev.tributary.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the repository's Docker files the way Docker would, as far as the tests need: the compose
 * file with Compose's {@code ${VAR:-default}} interpolation, the Dockerfile's instructions, and the
 * entrypoint's {@code ${NAME}} rendering of config files.
 */
final class DockerFiles {
    /** The directory every node's data lives under in the image: the Dockerfile's TRIBUTARY_DATA_ROOT. */
    static final String DATA_ROOT = "/var/lib/tributary";

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)?([^}]*)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private DockerFiles() {
    }

    /** The repository root: the nearest directory up from here holding docker-compose.yml and pom.xml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    static JsonNode compose() {
        try {
            return new YAMLMapper().readTree(root().resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A compose value as Compose would pass it with no variable set in the environment or an .env
     * file: {@code ${VAR:-default}} and {@code ${VAR-default}} become the default and {@code $$} a
     * single {@code $}. A bare {@code ${VAR}} is refused, so that {@code docker compose up} works on a
     * fresh checkout.
     */
    static String interpolate(String value) {
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(2) == null) {
                throw new AssertionError("'" + value + "' uses ${" + m.group(1) + "} without a default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** {@code text} with each {@code ${NAME}} replaced from {@code env}, as docker/entrypoint.sh does. */
    static String render(String text, Map<String, String> env, String source) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                throw new AssertionError(source + " uses ${" + m.group(1) + "}, which nothing sets in the container");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One Dockerfile instruction: its keyword in upper case and its arguments, continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> dockerfile() {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(root().resolve("Dockerfile")).split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                String joined = current.toString().strip();
                current.setLength(0);
                if (!joined.isEmpty()) {
                    String[] parts = joined.split("\\s+", 2);
                    instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
                }
            }
        }
        return instructions;
    }
}
