package dev.tributary.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.time.DateTimes;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes realistic Wikipedia edit events, shaped like Druid's tutorial data: a few busy channels,
 * a long tail of pages and users, skewed edit sizes. Not thread-safe: one producer thread uses it.
 */
final class SampleEvents {
    private static final List<String> CHANNELS = List.of("#en.wikipedia", "#de.wikipedia", "#fr.wikipedia",
            "#ja.wikipedia", "#es.wikipedia", "#it.wikipedia", "#ru.wikipedia", "#vi.wikipedia");
    private static final List<String> COUNTRIES = List.of("United States", "Germany", "France", "Japan",
            "Spain", "Italy", "Russia", "Viet Nam", "Brazil", "India");
    private static final List<String> NAMESPACES = List.of("Main", "User", "Talk", "Wikipedia", "Template", "Category");
    private static final List<String> TOPICS = List.of("River", "Bridge", "Lake", "Harbour", "Canal", "Delta",
            "Estuary", "Tributary", "Waterfall", "Spring", "Creek", "Basin");

    private final RandomGenerator random;
    private final ObjectMapper mapper = new ObjectMapper();

    SampleEvents(RandomGenerator random) {
        this.random = random;
    }

    /** One edit at {@code timeMillis}, as JSON text. */
    String next(long timeMillis) {
        ObjectNode event = mapper.createObjectNode();
        event.put("time", DateTimes.print(timeMillis));
        event.put("channel", CHANNELS.get(skewed(CHANNELS.size())));
        event.put("page", TOPICS.get(random.nextInt(TOPICS.size())) + " " + (1 + skewed(500)));
        boolean anonymous = random.nextInt(5) == 0;
        event.put("user", anonymous ? "192.0.2." + random.nextInt(256) : "editor" + skewed(2000));
        event.put("namespace", NAMESPACES.get(skewed(NAMESPACES.size())));
        event.put("countryName", anonymous ? COUNTRIES.get(skewed(COUNTRIES.size())) : null);
        event.put("isRobot", random.nextInt(10) == 0);
        event.put("isNew", random.nextInt(20) == 0);
        int added = random.nextInt(4) == 0 ? 0 : (int) Math.min(50_000, Math.exp(random.nextDouble() * 8));
        int deleted = random.nextInt(3) == 0 ? (int) Math.exp(random.nextDouble() * 6) : 0;
        event.put("added", added);
        event.put("deleted", deleted);
        event.put("delta", added - deleted);
        return event.toString();
    }

    /** A number in [0, n) where small numbers are much more likely, like real popularity. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }
}
