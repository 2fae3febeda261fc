package dev.tributary.worker.metadata;

import dev.tributary.core.spi.PositionLedger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata store's offset ledger as the {@link PositionLedger} firehoses use. Thread-safe. */
public final class LedgerPositions implements PositionLedger {
    private final OffsetLedger ledger;

    public LedgerPositions(OffsetLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Map<Integer, Claim> claim(String group, String source, Collection<Integer> partitions, String owner) {
        Map<Integer, Claim> claims = new LinkedHashMap<>();
        ledger.claim(group, source, partitions, owner)
                .forEach((partition, claim) -> claims.put(partition, new Claim(claim.epoch(), claim.committedOffset())));
        return claims;
    }

    @Override
    public String commit(String group, String source, Map<Integer, PartitionCommit> commits, String commitId) {
        Map<Integer, OffsetLedger.PartitionCommit> moves = new LinkedHashMap<>();
        commits.forEach((partition, c) -> moves.put(partition, new OffsetLedger.PartitionCommit(c.epoch(), c.previous(), c.next())));
        CommitResult result = ledger.commit(group, source, moves, commitId);
        if (result instanceof CommitResult.Fenced fenced) {
            return "partition " + fenced.partition() + " " + fenced.reason() + " (" + fenced.detail() + ")";
        }
        return null;
    }

    @Override
    public boolean isCommitted(String commitId) {
        return ledger.isCommitted(commitId);
    }

    @Override
    public Map<Integer, Long> committed(String group, String source) {
        return ledger.committedOffsets(group, source);
    }
}
