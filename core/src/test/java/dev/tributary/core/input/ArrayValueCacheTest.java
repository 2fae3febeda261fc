package dev.tributary.core.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One field's cache of array values: found again by their exact bytes, emptied and set aside when they do not repeat. */
class ArrayValueCacheTest {

    @Test
    void shouldFindAnArrayByItsExactBytesOnly() {
        ArrayValueCache cache = new ArrayValueCache();
        byte[] tags = "[\"a\",\"b\"]".getBytes(UTF_8);
        byte[] other = "[\"a\",\"c\"]".getBytes(UTF_8);

        assertThat(cache.find(tags, 0, tags.length, 7)).isNull();
        SharedValueList added = cache.add(tags, 0, tags.length, 7, List.of("a", "b"));

        assertThat(added).containsExactly("a", "b");
        assertThat(cache.find(tags, 0, tags.length, 7)).isSameAs(added);
        assertThat(cache.find(other, 0, other.length, 7)).as("same hash, other bytes").isNull();
    }

    @Test
    void shouldEmptyItselfAndStandAsideWhenArraysRarelyRepeat() {
        ArrayValueCache cache = new ArrayValueCache();
        byte[] repeated = "[\"x\"]".getBytes(UTF_8);
        cache.add(repeated, 0, repeated.length, 1, List.of("x"));
        int lookups = 0;
        while (cache.active()) {
            byte[] fresh = ("[\"v" + lookups + "\"]").getBytes(UTF_8);
            assertThat(cache.find(fresh, 0, fresh.length, 1000 + lookups)).isNull();
            lookups++;
            assertThat(lookups).as("look-ups before the cache stands aside").isLessThanOrEqualTo(1024);
        }
        int skipped = 1;
        while (!cache.active()) {
            skipped++;
        }

        assertThat(lookups).isEqualTo(1024);
        assertThat(skipped).as("arrays not looked up").isEqualTo(1 << 14);
        assertThat(cache.find(repeated, 0, repeated.length, 1)).as("emptied when it stood aside").isNull();
    }
}
