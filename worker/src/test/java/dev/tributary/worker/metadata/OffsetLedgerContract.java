package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.worker.metadata.CommitResult.Committed;
import dev.tributary.worker.metadata.CommitResult.Fenced;
import dev.tributary.worker.metadata.CommitResult.Reason;
import dev.tributary.worker.metadata.OffsetLedger.Claim;
import dev.tributary.worker.metadata.OffsetLedger.PartitionCommit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OffsetLedger} store must do, run against each real database by a subclass that
 * registers the database's extension. Each test uses its own consumer group, so tests share one
 * database per class without seeing each other's rows.
 */
abstract class OffsetLedgerContract {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String TOPIC = "wikipedia";
    private static final long WAIT_SECONDS = 60;

    private final List<MetadataStore> stores = new ArrayList<>();
    private ExecutorService threads;
    private OffsetLedger ledger;
    private String group;

    /** The config of this class's database, with tables named from {@code tablesBase}. */
    abstract MetadataStoreConfig config(String tablesBase);

    @BeforeEach
    void openLedger() {
        threads = Executors.newFixedThreadPool(2);
        ledger = open("tributary").offsetLedger();
        group = unique("group");
    }

    @AfterEach
    void closeStores() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        stores.forEach(MetadataStore::close);
    }

    private MetadataStore open(String tablesBase) {
        MetadataStore store = MetadataStore.open(config(tablesBase));
        stores.add(store);
        return store;
    }

    private static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + System.nanoTime() % 100_000;
    }

    /** A commit id of this test: ids are unique across groups, and tests share one database. */
    private String id(String name) {
        return group + "-" + name;
    }

    private static PartitionCommit move(long epoch, Long from, long to) {
        return new PartitionCommit(epoch, from, to);
    }

    /** Runs both tasks at once (as close as a barrier gets them) and returns their results in order. */
    private <T> List<T> concurrently(Callable<T> first, Callable<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> a = threads.submit(() -> {
            start.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return first.call();
        });
        Future<T> b = threads.submit(() -> {
            start.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return second.call();
        });
        return List.of(a.get(WAIT_SECONDS, TimeUnit.SECONDS), b.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void shouldKeepTheLedgerWhenTheSchemaIsCreatedAgain() {
        String base = unique("again");
        OffsetLedger first = open(base).offsetLedger();
        first.claim(group, TOPIC, List.of(0), "worker-a");
        assertThat(first.commit(group, TOPIC, Map.of(0, move(1, null, 42)), id("c1")).isCommitted()).isTrue();

        OffsetLedger second = open(base).offsetLedger();

        assertThat(second.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, 42L));
        assertThat(second.isCommitted(id("c1"))).isTrue();
    }

    @Test
    void shouldCreateTheSchemaWhenTwoProcessesStartAtOnce() throws Exception {
        // Several fresh table sets, to give the create-create race a few chances to happen.
        for (int round = 0; round < 5; round++) {
            String base = unique("race");
            List<MetadataStore> opened = concurrently(() -> MetadataStore.open(config(base)),
                    () -> MetadataStore.open(config(base)));
            stores.addAll(opened);

            OffsetLedger a = opened.get(0).offsetLedger();
            OffsetLedger b = opened.get(1).offsetLedger();
            assertThat(a.claim(group, TOPIC, List.of(0), "a").get(0).epoch()).isEqualTo(1);
            assertThat(b.claim(group, TOPIC, List.of(0), "b").get(0).epoch()).isEqualTo(2);
        }
    }

    @Test
    void shouldRaiseTheEpochOnEveryClaimAndReturnTheCommittedOffset() {
        Map<Integer, Claim> first = ledger.claim(group, TOPIC, List.of(1, 0), "worker-a");
        assertThat(first).containsExactly(Map.entry(0, new Claim(1, null)), Map.entry(1, new Claim(1, null)));

        assertThat(ledger.commit(group, TOPIC, Map.of(0, move(1, null, 100)), id("c1")))
                .isEqualTo(new Committed(false));

        Map<Integer, Claim> second = ledger.claim(group, TOPIC, List.of(0, 1, 2), "worker-b");
        assertThat(second).containsExactly(Map.entry(0, new Claim(2, 100L)), Map.entry(1, new Claim(2, null)),
                Map.entry(2, new Claim(1, null)));
        assertThat(ledger.claim(group, TOPIC, List.of(), "worker-b")).isEmpty();
    }

    @Test
    void shouldCommitEveryPartitionWhenEveryCompareAndSetHolds() {
        ledger.claim(group, TOPIC, List.of(0, 1, 2), "worker-a");

        CommitResult first = ledger.commit(group, TOPIC,
                Map.of(0, move(1, null, 10), 1, move(1, null, 20), 2, move(1, null, 30)), id("c1"));
        CommitResult second = ledger.commit(group, TOPIC,
                Map.of(0, move(1, 10L, 15), 2, move(1, 30L, 30)), id("c2"));

        assertThat(first).isEqualTo(new Committed(false));
        assertThat(second).isEqualTo(new Committed(false));
        assertThat(ledger.committedOffsets(group, TOPIC))
                .containsExactly(Map.entry(0, 15L), Map.entry(1, 20L), Map.entry(2, 30L));
        assertThat(ledger.isCommitted(id("c1"))).isTrue();
        assertThat(ledger.isCommitted(id("c2"))).isTrue();
    }

    @Test
    void shouldFenceAStaleEpochAndChangeNoPartitionOfTheCommit() {
        ledger.claim(group, TOPIC, List.of(0, 1), "worker-a");
        ledger.commit(group, TOPIC, Map.of(0, move(1, null, 5), 1, move(1, null, 5)), id("a1"));
        ledger.claim(group, TOPIC, List.of(1), "worker-b");

        // Partition 0 is still worker-a's and its compare-and-set succeeds first; partition 1 fences.
        CommitResult zombie = ledger.commit(group, TOPIC, Map.of(0, move(1, 5L, 9), 1, move(1, 5L, 9)), id("a2"));

        assertThat(zombie).isInstanceOf(Fenced.class);
        Fenced fenced = (Fenced) zombie;
        assertThat(fenced.partition()).isEqualTo(1);
        assertThat(fenced.reason()).isEqualTo(Reason.EPOCH_MOVED_ON);
        assertThat(fenced.detail()).contains("worker-b").contains("epoch 2").contains("epoch 1");
        assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, 5L), Map.entry(1, 5L));
        assertThat(ledger.isCommitted(id("a2"))).isFalse();
    }

    @Test
    void shouldFenceACommitWhosePreviousOffsetIsNotTheLedgers() {
        ledger.claim(group, TOPIC, List.of(0), "worker-a");
        ledger.commit(group, TOPIC, Map.of(0, move(1, null, 50)), id("c1"));

        CommitResult wrongOffset = ledger.commit(group, TOPIC, Map.of(0, move(1, 40L, 60)), id("c2"));
        CommitResult neverCommitted = ledger.commit(group, TOPIC, Map.of(0, move(1, null, 60)), id("c3"));

        assertThat(wrongOffset).isEqualTo(new Fenced(0, Reason.OFFSET_DIFFERS,
                "partition 0 of topic '" + TOPIC + "' for group '" + group + "' is at offset 50, not at 40 as the "
                        + "commit expected"));
        assertThat(neverCommitted).extracting(r -> ((Fenced) r).reason()).isEqualTo(Reason.OFFSET_DIFFERS);
        assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, 50L));
        assertThat(ledger.isCommitted(id("c2"))).isFalse();
        assertThat(ledger.isCommitted(id("c3"))).isFalse();
    }

    @Test
    void shouldFenceACommitToAPartitionNobodyClaimed() {
        ledger.claim(group, TOPIC, List.of(0), "worker-a");

        CommitResult result = ledger.commit(group, TOPIC, Map.of(0, move(1, null, 1), 7, move(1, null, 1)), id("c1"));

        assertThat(result).extracting(r -> ((Fenced) r).partition(), r -> ((Fenced) r).reason())
                .containsExactly(7, Reason.NOT_CLAIMED);
        assertThat(ledger.committedOffsets(group, TOPIC)).isEmpty();
    }

    @Test
    void shouldReportOnlySuccessfulCommitsAsCommitted() {
        ledger.claim(group, TOPIC, List.of(0), "worker-a");
        ledger.commit(group, TOPIC, Map.of(0, move(1, null, 3)), id("ok"));
        ledger.commit(group, TOPIC, Map.of(0, move(7, 3L, 4)), id("fenced"));

        assertThat(ledger.isCommitted(id("ok"))).isTrue();
        assertThat(ledger.isCommitted(id("fenced"))).isFalse();
        assertThat(ledger.isCommitted(id("never-sent"))).isFalse();
    }

    @Test
    void shouldAnswerARetriedCommitFromTheLedgerWithoutApplyingItTwice() {
        ledger.claim(group, TOPIC, List.of(0, 1), "worker-a");
        Map<Integer, PartitionCommit> commit = Map.of(0, move(1, null, 10), 1, move(1, null, 10));
        assertThat(ledger.commit(group, TOPIC, commit, id("c1"))).isEqualTo(new Committed(false));

        assertThat(ledger.commit(group, TOPIC, commit, id("c1"))).isEqualTo(new Committed(true));
        // A retried commit that moves nothing would pass its compare-and-set again: its id must stop it.
        Map<Integer, PartitionCommit> standStill = Map.of(0, move(1, 10L, 10));
        assertThat(ledger.commit(group, TOPIC, standStill, id("still"))).isEqualTo(new Committed(false));
        assertThat(ledger.commit(group, TOPIC, standStill, id("still"))).isEqualTo(new Committed(true));

        ledger.commit(group, TOPIC, Map.of(1, move(1, 10L, 25)), id("c2"));
        CommitResult stale = ledger.commit(group, TOPIC, commit, id("c1"));
        assertThat(stale).extracting(r -> ((Fenced) r).partition(), r -> ((Fenced) r).reason())
                .containsExactly(1, Reason.SUPERSEDED);
        assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, 10L), Map.entry(1, 25L));
        assertThatThrownBy(() -> ledger.commit(group, "other-topic", commit, id("c1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id("c1")).hasMessageContaining(TOPIC);
    }

    @Test
    void shouldForgetCommitIds() {
        ledger.claim(group, TOPIC, List.of(0), "worker-a");
        ledger.commit(group, TOPIC, Map.of(0, move(1, null, 1)), id("c1"));
        ledger.commit(group, TOPIC, Map.of(0, move(1, 1L, 2)), id("c2"));

        ledger.forgetCommits(List.of(id("c1"), id("unknown")));

        assertThat(ledger.isCommitted(id("c1"))).isFalse();
        assertThat(ledger.isCommitted(id("c2"))).isTrue();
        // A forgotten commit sent again is checked like a new one, and its offsets have moved on.
        assertThat(ledger.commit(group, TOPIC, Map.of(0, move(1, null, 1)), id("c1")).isCommitted()).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyCommitAndBadNamesBeforeTouchingTheDatabase() {
        assertThatThrownBy(() -> ledger.commit(group, TOPIC, Map.of(), id("empty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one partition");
        assertThatThrownBy(() -> ledger.claim(" ", TOPIC, List.of(0), "w")).hasMessageContaining("group");
        assertThatThrownBy(() -> ledger.claim(group, TOPIC, List.of(-1), "w")).hasMessageContaining("partition");
        assertThatThrownBy(() -> ledger.claim(group, TOPIC, List.of(0), "w".repeat(256))).hasMessageContaining("owner");
        assertThat(ledger.committedOffsets(group, TOPIC)).isEmpty();
    }

    @Test
    void shouldKeepGroupsAndTopicsApart() {
        String otherGroup = unique("other");
        ledger.claim(group, TOPIC, List.of(0), "worker-a");
        ledger.claim(group, "edits", List.of(0), "worker-a");
        ledger.claim(otherGroup, TOPIC, List.of(0), "worker-z");

        ledger.commit(group, TOPIC, Map.of(0, move(1, null, 1)), unique("c"));
        ledger.commit(group, "edits", Map.of(0, move(1, null, 2)), unique("c"));
        ledger.commit(otherGroup, TOPIC, Map.of(0, move(1, null, 3)), unique("c"));

        assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, 1L));
        assertThat(ledger.committedOffsets(group, "edits")).containsExactly(Map.entry(0, 2L));
        assertThat(ledger.committedOffsets(otherGroup, TOPIC)).containsExactly(Map.entry(0, 3L));
    }

    @Test
    void shouldGiveTwoRacingClaimersDifferentEpochsAndTheLaterOneTheHigher() throws Exception {
        for (int partition = 0; partition < 20; partition++) {
            int p = partition;
            List<Claim> claims = concurrently(() -> ledger.claim(group, TOPIC, List.of(p), "a").get(p),
                    () -> ledger.claim(group, TOPIC, List.of(p), "b").get(p));

            assertThat(List.of(claims.get(0).epoch(), claims.get(1).epoch())).containsExactlyInAnyOrder(1L, 2L);
            // The ledger names as owner the claimer that wrote last, and that is the one holding epoch 2.
            String later = claims.get(0).epoch() == 2 ? "a" : "b";
            CommitResult earlier = ledger.commit(group, TOPIC, Map.of(p, move(1, null, 1)), unique("c"));
            assertThat(((Fenced) earlier).detail()).contains("owned by '" + later + "' at epoch 2");
            assertThat(ledger.commit(group, TOPIC, Map.of(p, move(2, null, 1)), unique("c")).isCommitted()).isTrue();
        }
    }

    @Test
    void shouldLetOnlyTheCurrentOwnerCommitWhenAZombieCommitsAtTheSameTime() throws Exception {
        long offset = 0;
        for (int round = 0; round < 20; round++) {
            long from = offset;
            long zombieEpoch = ledger.claim(group, TOPIC, List.of(0), "zombie").get(0).epoch();
            long ownerEpoch = ledger.claim(group, TOPIC, List.of(0), "owner").get(0).epoch();
            Long previous = round == 0 ? null : from;

            List<CommitResult> results = concurrently(
                    () -> ledger.commit(group, TOPIC, Map.of(0, move(zombieEpoch, previous, from + 7)), unique("z")),
                    () -> ledger.commit(group, TOPIC, Map.of(0, move(ownerEpoch, previous, from + 10)), unique("o")));

            assertThat(results.get(0)).extracting(r -> ((Fenced) r).reason()).isEqualTo(Reason.EPOCH_MOVED_ON);
            assertThat(results.get(1)).isEqualTo(new Committed(false));
            offset = from + 10;
            assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, offset));
        }
    }

    @Test
    void shouldNeverApplyTwoCommitsFromTheSameOffsetWhenTwoWorkersClaimAndCommitInALoop() throws Exception {
        int iterations = 25;
        Set<Long> claimedEpochs = Collections.synchronizedSet(new HashSet<>());
        List<Long> committedEpochs = Collections.synchronizedList(new ArrayList<>());
        Callable<Integer> worker = () -> {
            String name = Thread.currentThread().getName();
            int successes = 0;
            for (int i = 0; i < iterations; i++) {
                Claim claim = ledger.claim(group, TOPIC, List.of(0), name).get(0);
                assertThat(claimedEpochs.add(claim.epoch())).as("epoch %d claimed twice", claim.epoch()).isTrue();
                long from = claim.committedOffset() == null ? 0 : claim.committedOffset();
                CommitResult result = ledger.commit(group, TOPIC,
                        Map.of(0, move(claim.epoch(), claim.committedOffset(), from + 1)), unique("c"));
                if (result.isCommitted()) {
                    committedEpochs.add(claim.epoch());
                    successes++;
                }
            }
            return successes;
        };

        List<Integer> successes = concurrently(worker, worker);

        int total = successes.get(0) + successes.get(1);
        assertThat(claimedEpochs).hasSize(2 * iterations);
        assertThat(committedEpochs).doesNotHaveDuplicates().hasSize(total);
        // Every success moved the offset by one from the value it read: a lost or doubled update shows here.
        assertThat(ledger.committedOffsets(group, TOPIC)).containsExactly(Map.entry(0, (long) total));
        assertThat(total).isPositive();
    }
}
