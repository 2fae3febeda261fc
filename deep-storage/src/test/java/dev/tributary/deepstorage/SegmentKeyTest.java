package dev.tributary.deepstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void shouldYieldTheDesignLayoutAsRelativePath() {
        SegmentKey key = new SegmentKey("wiki", "1000", "2000", "v1", 0);

        assertThat(key.relativePath()).isEqualTo("wiki/1000_2000/v1/0/");
        assertThat(SegmentKey.fromRelativePath(key.relativePath())).isEqualTo(key);
    }

    @Test
    void shouldRefuseTraversalInEveryPart() {
        assertThatThrownBy(() -> new SegmentKey("../../etc", "1", "2", "v", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("dataSource");
        assertThatThrownBy(() -> new SegmentKey("wiki", "..", "2", "v", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("interval start");
        assertThatThrownBy(() -> new SegmentKey("wiki", "1", "a/b", "v", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("interval end");
        assertThatThrownBy(() -> new SegmentKey("wiki", "1", "2", "../../etc", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> new SegmentKey("wiki", "1", "2", "v\u0000", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> new SegmentKey("wiki", "1", "2", "v", -1))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("partitionNum");
        assertThatThrownBy(() -> new SegmentKey("wiki", "1_5", "2", "v", 0))
                .isInstanceOf(InvalidSegmentKeyException.class).hasMessageContaining("'_'");
    }

    @Test
    void shouldRefuseRelativePathsThatAreNotExactlyASegment() {
        for (String path : new String[] {"../../etc", "wiki/1_2/v", "wiki/1_2/v/0/extra",
                "wiki/1_2/../0", "wiki/12/v/0", "wiki/1_2/v/007", "wiki/1_2/v/-1", ".hidden/1_2/v/0"}) {
            assertThatThrownBy(() -> SegmentKey.fromRelativePath(path)).as(path)
                    .isInstanceOf(LocationOutsideBaseException.class);
        }
    }
}
