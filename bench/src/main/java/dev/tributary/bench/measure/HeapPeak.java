package dev.tributary.bench.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap one piece of work needed, read two ways between {@link #start()} and {@link #stop()}:
 * <ul>
 *   <li><b>peak used</b>: the heap pools' peak usage ({@link MemoryPoolMXBean#getPeakUsage()}), reset at
 *       the start and summed at the stop. No sampling thread, so no peak between two samples is missed.
 *       It counts garbage not collected yet, so it follows when the collector chose to run (on G1, how
 *       large the young generation was); and the pools may peak at different moments, so their sum is
 *       an upper bound.</li>
 *   <li><b>peak after GC</b>: the most heap in use right after any collection in the window, from the
 *       collectors' notifications. That is what the work kept reachable (plus what the collection left),
 *       closer to what it needs at once; unknown when no collection ran.</li>
 * </ul>
 * Both are taken relative to a baseline: used heap after full collections when the window opens.
 * Notifications arrive on a JMX thread; {@link #stop()} waits (briefly, bounded) for every collection
 * the collectors counted in the window.
 */
public final class HeapPeak {
    private static final long NOTIFICATION_WAIT_NANOS = 2_000_000_000L;

    /**
     * @param baselineBytes used heap after full collections at the start
     * @param peakUsedBytes the sum of the heap pools' peak usage in the window
     * @param peakAfterGcBytes the most heap used right after a collection in the window; -1 if none ran
     * @param collections collections in the window
     */
    public record Reading(long baselineBytes, long peakUsedBytes, long peakAfterGcBytes, int collections) {
        public long peakUsedAboveBaseline() {
            return peakUsedBytes - baselineBytes;
        }

        /** -1 when no collection ran in the window. */
        public long peakAfterGcAboveBaseline() {
            return peakAfterGcBytes < 0 ? -1 : peakAfterGcBytes - baselineBytes;
        }
    }

    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final AtomicInteger notified = new AtomicInteger();
    private final NotificationListener listener = this::onNotification;
    private final long baseline;
    private final long collectionsAtStart;

    private HeapPeak() {
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        this.heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        this.baseline = HeapMeter.usedAfterGc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        this.collectionsAtStart = collectionCount();
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
    }

    /** Collects fully for the baseline, then opens the window. */
    public static HeapPeak start() {
        return new HeapPeak();
    }

    /** Closes the window; call once. */
    public Reading stop() {
        long peakUsed = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        int collections = (int) (collectionCount() - collectionsAtStart);
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        while (notified.get() < collections && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException("the listener added at the start is gone", e);
            }
        }
        return new Reading(baseline, peakUsed, peakAfterGc.get(), collections);
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
        notified.incrementAndGet();
    }

    private long collectionCount() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c >= 0).sum();
    }
}
