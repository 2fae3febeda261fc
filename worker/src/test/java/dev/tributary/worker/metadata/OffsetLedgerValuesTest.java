package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.worker.metadata.OffsetLedger.Claim;
import dev.tributary.worker.metadata.OffsetLedger.PartitionCommit;
import org.junit.jupiter.api.Test;

/** The ledger's values refuse what cannot be a claim or a commit, saying why. */
class OffsetLedgerValuesTest {

    @Test
    void shouldRefuseACommitThatMovesAnOffsetBack() {
        assertThatThrownBy(() -> new PartitionCommit(1, 10L, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never moves back");
        assertThat(new PartitionCommit(1, 10L, 10).newOffset()).isEqualTo(10);
    }

    @Test
    void shouldRefuseEpochsAndOffsetsNoClaimCanProduce() {
        assertThatThrownBy(() -> new PartitionCommit(0, null, 1)).hasMessageContaining("epoch");
        assertThatThrownBy(() -> new PartitionCommit(1, -1L, 1)).hasMessageContaining("previousOffset");
        assertThatThrownBy(() -> new PartitionCommit(1, null, -1)).hasMessageContaining("newOffset");
        assertThatThrownBy(() -> new Claim(0, null)).hasMessageContaining("epoch");
        assertThatThrownBy(() -> new Claim(1, -5L)).hasMessageContaining("committedOffset");
    }
}
