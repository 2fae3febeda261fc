package dev.tributary.worker.query;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.QueryCancelledException;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A piece whose scan never ends by itself: it hands out the first row of a real piece as one block after
 * another, a millisecond apart, until the engine's check between blocks stops it. For tests of what
 * stops a query; {@link #scanning} and {@link #cancelled} tell when a scan began and when one ended cancelled.
 */
final class EndlessPiece implements QueryableIndex {
    private final QueryableIndex delegate;
    final CountDownLatch scanning = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);

    /** @param delegate a piece with at least one row */
    EndlessPiece(QueryableIndex delegate) {
        this.delegate = delegate;
    }

    @Override
    public void scan(RowBlockVisitor visitor) {
        scanning.countDown();
        try {
            while (true) {
                visitor.visit(0, 1);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (QueryCancelledException e) {
            cancelled.countDown();
            throw e;
        }
    }

    @Override
    public String dataSource() {
        return delegate.dataSource();
    }

    @Override
    public Interval dataInterval() {
        return delegate.dataInterval();
    }

    @Override
    public Granularity queryGranularity() {
        return delegate.queryGranularity();
    }

    @Override
    public boolean rollup() {
        return delegate.rollup();
    }

    @Override
    public List<String> dimensionNames() {
        return delegate.dimensionNames();
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return delegate.metrics();
    }

    @Override
    public long maxIngestedEventTime() {
        return delegate.maxIngestedEventTime();
    }

    @Override
    public Column column(String name) {
        return delegate.column(name);
    }

    @Override
    public NumericColumn time() {
        return delegate.time();
    }
}
