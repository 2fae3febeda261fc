package dev.tributary.worker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a node's {@code GET /metrics}, checked line by line against the Prometheus text format
 * (every sample line is {@code name{label="value",...} value}, every sample's family has a TYPE line)
 * and read into samples.
 */
final class PrometheusScrape {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(?:\\{(" + LABEL + "(?:," + LABEL + ")*)?\\})? (NaN|[+-]Inf|[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)");
    private static final Pattern LABEL_PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern META = Pattern.compile("# (?:HELP|TYPE) (" + NAME + ")(?: .*)?");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One sample: its name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /** Scrapes the node on {@code port}; fails the test unless it answers 200 in Prometheus text format. */
    static PrometheusScrape of(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/plain").contains("version=0.0.4"));
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Set<String> typed = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                assertThat(line).as("a comment line").matches(META);
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    typed.add(type.group(1));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line in Prometheus text format: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher pair = LABEL_PAIR.matcher(sample.group(2));
                while (pair.find()) {
                    labels.put(pair.group(1), pair.group(2));
                }
            }
            String value = sample.group(3);
            samples.add(new Sample(sample.group(1), labels, switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            }));
        }
        for (Sample sample : samples) {
            String name = sample.name();
            String family = name.replaceFirst("_(count|sum|bucket)$", "");
            assertThat(typed.contains(name) || typed.contains(family)).as("a TYPE line for %s", name).isTrue();
        }
        assertThat(samples).as("samples").isNotEmpty();
        return new PrometheusScrape(text, samples);
    }

    String text() {
        return text;
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (name, value, ...). */
    double value(String name, String... labels) {
        List<Sample> found = find(name, labels);
        assertThat(found).as("samples of %s with labels %s", name, List.of(labels)).hasSize(1);
        return found.get(0).value();
    }

    /** The samples of {@code name} whose labels include {@code labels} (name, value, ...). */
    List<Sample> find(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
