package dev.tributary.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.time.DateTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastIsoTimeTest {
    @Test
    void shouldAgreeWithTheGeneralParserOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L);
            String text = Instant.ofEpochMilli(millis).toString();
            if (text.length() < 20 || text.startsWith("+") || text.startsWith("-")) {
                continue;
            }
            assertThat(FastIsoTime.parse(text)).as(text).isEqualTo(millis).isEqualTo(DateTimes.parseIso(text));
        }
    }

    @Test
    void shouldReadFractionsOffsetsAndSpaces() {
        assertThat(FastIsoTime.parse("2013-08-31T01:02:33Z")).isEqualTo(Instant.parse("2013-08-31T01:02:33Z").toEpochMilli());
        assertThat(FastIsoTime.parse("2013-08-31T01:02:33.5Z")).isEqualTo(Instant.parse("2013-08-31T01:02:33.500Z").toEpochMilli());
        assertThat(FastIsoTime.parse("2013-08-31T01:02:33.123456789Z")).isEqualTo(Instant.parse("2013-08-31T01:02:33.123Z").toEpochMilli());
        assertThat(FastIsoTime.parse("2013-08-31 01:02:33")).isEqualTo(Instant.parse("2013-08-31T01:02:33Z").toEpochMilli());
        assertThat(FastIsoTime.parse("2013-08-31T01:02:33+02:00"))
                .isEqualTo(OffsetDateTime.of(2013, 8, 31, 1, 2, 33, 0, ZoneOffset.ofHours(2)).toInstant().toEpochMilli());
        assertThat(FastIsoTime.parse("2016-02-29T00:00:00Z")).isEqualTo(Instant.parse("2016-02-29T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldLeaveOtherFormsToTheGeneralParser() {
        for (String other : new String[] {"2013-08-31", "2013-08-31T01:02", "2013-02-30T00:00:00Z", "2013-08-31T01:02:33+0200",
            "2013-08-31T25:02:33Z", "2013-08-31T01:02:33.Z", "2013-08-31T01:02:33Zjunk", "yesterday at noon!!"}) {
            assertThat(FastIsoTime.parse(other)).as(other).isEqualTo(FastIsoTime.NOT_HANDLED);
        }
    }
}
