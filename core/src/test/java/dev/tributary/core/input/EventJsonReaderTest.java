package dev.tributary.core.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written event reader gives exactly what Jackson gives, and refuses what Jackson refuses. */
class EventJsonReaderTest {
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, normalize(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(normalize(v)));
            return copy;
        }
        return value;
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-10, 20)) * (random.nextBoolean() ? 1 : -1);
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4, 5 -> randomString(random);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> randomObject(random, depth + 1);
        };
    }

    private static String randomString(SplittableRandom random) {
        String alphabet = "abcXYZ09 _-\"\\/\n\t\u00e9\u4e2d\ud83d\ude00\u0001";
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                sb.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> randomObject(SplittableRandom random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            object.put(randomString(random), randomValue(random, depth));
        }
        return object;
    }

    @Test
    void shouldReadRandomObjectsExactlyAsJacksonDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] json = JACKSON.writeValueAsBytes(randomObject(random, 0));
            Map<String, Object> expected = JACKSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            assertThat(normalize(EventJsonReader.readObject(json))).as(new String(json, UTF_8)).isEqualTo(expected);
        }
    }

    @Test
    void shouldReadWhitespaceEscapesAndNumberFormsAsJacksonDoes() throws Exception {
        String json = " \t\n{ \"a\" : \"x\\u00e9\\ud83d\\ude00\\\"\" , \"b\":-0 ,\"c\":1.5e3,\"d\":-2E-2,\"e\":[ ],\"f\":{},"
                + "\"h\":9223372036854775807,\"a\":\"last wins\"}\r\n";
        Map<String, Object> expected = JACKSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        assertThat(EventJsonReader.readObject("{\"g\":12345678901234567890}".getBytes(UTF_8)).get("g"))
                .isEqualTo(1.2345678901234567e19);
        assertThat(normalize(EventJsonReader.readObject(json.getBytes(UTF_8)))).isEqualTo(expected);
    }

    @Test
    void shouldReadDecimalsToTheSameDoubleAsParseDouble() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            int intDigits = 1 + random.nextInt(10);
            int fractionDigits = 1 + random.nextInt(random.nextBoolean() ? 6 : 24);
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            text.append(1 + random.nextInt(9));
            for (int d = 1; d < intDigits; d++) {
                text.append(random.nextInt(10));
            }
            text.append('.');
            for (int d = 0; d < fractionDigits; d++) {
                text.append(random.nextInt(10));
            }
            if (random.nextInt(10) == 0) {
                text.setLength(text.charAt(0) == '-' ? 1 : 0);
                text.append("0.").append(random.nextInt(1000));
            }
            Object read = EventJsonReader.readObject(("{\"x\":" + text + "}").getBytes(UTF_8)).get("x");
            assertThat(read).as(text.toString()).isEqualTo(Double.parseDouble(text.toString()));
        }
        assertThat(EventJsonReader.readObject("{\"x\":-0.0}".getBytes(UTF_8)).get("x")).isEqualTo(-0.0d);
        assertThat(EventJsonReader.readObject("{\"x\":1.5e3}".getBytes(UTF_8)).get("x")).isEqualTo(1500.0d);
    }

    @Test
    void shouldRefuseEverythingThatIsNotOneStrictJsonObject() {
        String[] bad = {"", "   ", "[1]", "null", "\"x\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":01}",
            "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":tru}", "{\"a\":NaN}", "{'a':1}", "{a:1}", "{\"a\":\"x}",
            "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\tinside\"}", "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":[1,]}",
            "{\"a\":[1 2]}", "{\"a\" 1}"};
        for (String json : bad) {
            assertThatThrownBy(() -> EventJsonReader.readObject(json.getBytes(UTF_8))).as(json)
                    .isInstanceOf(UnparseableEventException.class);
        }
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> EventJsonReader.readObject(invalidUtf8)).isInstanceOf(UnparseableEventException.class);
    }

    @Test
    void shouldInternFieldNamesSoLookupsCompareReferences() {
        Map<String, Object> first = EventJsonReader.readObject("{\"page\": 1}".getBytes(UTF_8));
        Map<String, Object> second = EventJsonReader.readObject("{\"page\": 2}".getBytes(UTF_8));
        assertThat(first.keySet().iterator().next()).isSameAs("page").isSameAs(second.keySet().iterator().next());
    }

    @Test
    void shouldRefuseNestingDeeperThanAThousand() {
        String deep = "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        assertThatThrownBy(() -> EventJsonReader.readObject(deep.getBytes(UTF_8))).isInstanceOf(UnparseableEventException.class);
    }

    @Test
    void shouldKeepEveryFieldNameWhenTheirCacheSlotsCollide() {
        // these two names hash to the same slot of the per-thread name cache
        String event = "{\"dimMultivalSequentialWithNulls\": [\"1\"], \"metFloatZipf\": 3.0, \"a\": 1, \"a\": 2}";
        for (int round = 0; round < 3; round++) {
            Map<String, Object> fields = EventJsonReader.readObject(event.getBytes(UTF_8));

            assertThat(fields).containsExactly(Map.entry("dimMultivalSequentialWithNulls", List.of("1")),
                    Map.entry("metFloatZipf", 3.0), Map.entry("a", 2L));
            assertThat(fields.keySet()).allSatisfy(name -> assertThat(name).isSameAs(name.intern()));
        }
    }

    @Test
    void shouldReadNamesRightWhenTheFieldOrderChangesFromEventToEvent() {
        String[] events = {"{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"bb\": 2}", "{\"a\": 1, \"b\\u0022\": 2}",
            "{\"a\": 1, \"b\": 2, \"c\": 3}", "{\"b\": 1, \"a\": 2}", "{\"a\": {\"b\": 1}, \"b\": 2}", "{\"a\": 1, \"b"};
        for (int round = 0; round < 2; round++) {
            assertThat(EventJsonReader.readObject(events[0].getBytes(UTF_8))).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
            assertThat(EventJsonReader.readObject(events[1].getBytes(UTF_8))).containsExactly(Map.entry("a", 1L), Map.entry("bb", 2L));
            assertThat(EventJsonReader.readObject(events[2].getBytes(UTF_8))).containsExactly(Map.entry("a", 1L), Map.entry("b\"", 2L));
            assertThat(EventJsonReader.readObject(events[3].getBytes(UTF_8)))
                    .containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L));
            assertThat(EventJsonReader.readObject(events[4].getBytes(UTF_8))).containsExactly(Map.entry("b", 1L), Map.entry("a", 2L));
            assertThat(EventJsonReader.readObject(events[5].getBytes(UTF_8)))
                    .containsExactly(Map.entry("a", Map.of("b", 1L)), Map.entry("b", 2L));
            assertThatThrownBy(() -> EventJsonReader.readObject(events[6].getBytes(UTF_8)))
                    .isInstanceOf(UnparseableEventException.class);
        }
    }

    @Test
    void shouldHandOutOneImmutableListForRepeatedArrayBytesOfAField() {
        Map<String, Object> first = EventJsonReader.readObject("{\"tags\": [\"a\", null, 2], \"n\": 1}".getBytes(UTF_8));
        Map<String, Object> second = EventJsonReader.readObject("{\"tags\": [\"a\", null, 2], \"n\": 2}".getBytes(UTF_8));
        Map<String, Object> spaced = EventJsonReader.readObject("{\"tags\": [\"a\",null,2], \"n\": 3}".getBytes(UTF_8));

        assertThat(first.get("tags")).isEqualTo(java.util.Arrays.asList("a", null, 2L)).isSameAs(second.get("tags"));
        assertThat(spaced.get("tags")).isEqualTo(first.get("tags"));
        @SuppressWarnings("unchecked")
        List<Object> shared = (List<Object>) first.get("tags");
        assertThatThrownBy(() -> shared.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shared.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldReadArraysWhoseStringsHoldBracketsQuotesAndEscapes() {
        String[] events = {
            "{\"t\": [\"a\\\"]\", \"b\"]}", "{\"t\": [\"[\", \"{\"]}", "{\"t\": [[\"a\"], \"b\"]}",
            "{\"t\": [{\"x\": [1]}]}", "{\"t\": [\"\\\\\"]}", "{\"t\": []}"};
        for (int round = 0; round < 3; round++) {
            for (String event : events) {
                assertThat(normalize(EventJsonReader.readObject(event.getBytes(UTF_8))))
                        .as(event).isEqualTo(normalize(jackson(event)));
            }
        }
        assertThatThrownBy(() -> EventJsonReader.readObject("{\"t\": [\"a\" \"b\"]}".getBytes(UTF_8)))
                .isInstanceOf(UnparseableEventException.class);
    }

    private static Map<String, Object> jackson(String event) {
        try {
            return JACKSON.readValue(event, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
