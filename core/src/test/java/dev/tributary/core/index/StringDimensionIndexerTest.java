package dev.tributary.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.column.StringColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dictionary of a string dimension: one id per distinct value, found again by the writer and by readers. */
class StringDimensionIndexerTest {

    @Test
    void shouldGiveEqualValuesOneIdAndDistinctValuesDistinctIds() {
        StringDimensionIndexer dimension = new StringDimensionIndexer("sorted_array");
        // "Aa"/"BB" and the 8-character ones share a String hash code; "" and the non-Latin-1 value
        // and the 7- and 8-character ones sit on either side of the inline limit
        List<String> values = new ArrayList<>(List.of("", "Aa", "BB", "AaAaAaAa", "BBBBBBBB", "AaBBAaBB",
                "1234567", "12345678", "\u4e2d", "caf\u00e9", "a\u0000b"));
        for (int i = 0; i < 20_000; i++) {
            values.add(Integer.toString(i * 7919));
        }
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            ids.add(dimension.encode(value));
        }

        assertThat(ids).doesNotHaveDuplicates().doesNotContain((long) StringColumn.NULL_ID);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            assertThat(dimension.encode(new String(value.toCharArray()))).as(value).isEqualTo(ids.get(i));
            assertThat(dimension.lookupId(new String(value.toCharArray()))).as(value).isEqualTo(ids.get(i).intValue());
            assertThat(dimension.lookupName(ids.get(i).intValue())).isEqualTo(value);
        }
        assertThat(dimension.cardinality()).isEqualTo(values.size() + 1);
        assertThat(dimension.lookupId("never seen")).isEqualTo(-1);
        assertThat(dimension.lookupId("CC")).isEqualTo(-1);
        assertThat(dimension.encode(null)).isEqualTo(StringColumn.NULL_ID);
    }
}
