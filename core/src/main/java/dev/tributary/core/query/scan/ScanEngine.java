package dev.tributary.core.query.scan;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.PieceIds;
import dev.tributary.core.query.ResourceLimitExceededException;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.filter.RowMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a scan query. Without an order, each piece's rows come in the piece's own order, in batches
 * naming the piece's segment id. With an order, the matching rows of every piece are first located
 * (time and row number only), sorted or, under a limit, selected with a bounded heap, then read in a
 * second pass; such batches have a null segment id, as in Druid.
 */
public final class ScanEngine {
    /** The most rows one scan may return; more need a limit. */
    public static final long MAX_ROWS = 5_000_000;

    private ScanEngine() {
    }

    public static List<Map<String, Object>> run(ScanQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        return query.timeOrdered() ? ordered(query, pieces, running) : unordered(query, pieces, running);
    }

    private static List<String> columnsOf(ScanQuery query, QueryableIndex piece) {
        if (!query.columns().isEmpty()) {
            return query.columns();
        }
        List<String> all = new ArrayList<>();
        all.add("__time");
        all.addAll(piece.dimensionNames());
        for (AggregatorFactory metric : piece.metrics()) {
            all.add(metric.name());
        }
        return all;
    }

    private static ValueReader[] readers(QueryableIndex piece, List<String> columns) {
        ValueReader[] readers = new ValueReader[columns.size()];
        for (int c = 0; c < readers.length; c++) {
            readers[c] = ValueReader.of(piece, columns.get(c));
        }
        return readers;
    }

    private static Object event(ScanQuery query, List<String> columns, ValueReader[] readers, int row) {
        if (query.compacted()) {
            List<Object> event = new ArrayList<>(readers.length);
            for (ValueReader reader : readers) {
                event.add(reader.read(row));
            }
            return event;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        for (int c = 0; c < readers.length; c++) {
            event.put(columns.get(c), readers[c].read(row));
        }
        return event;
    }

    /** Adds {@code events} to {@code results} in batches of at most {@code batchSize}; none for no events. */
    static void addBatches(List<Map<String, Object>> results, String segmentId, List<String> columns,
            List<Object> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            addBatch(results, segmentId, columns, events.subList(from, Math.min(events.size(), from + batchSize)));
        }
    }

    private static void addBatch(List<Map<String, Object>> results, String segmentId, List<String> columns,
            List<Object> events) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("segmentId", segmentId);
        batch.put("columns", columns);
        batch.put("events", events);
        results.add(batch);
    }

    static void checkRows(long rows) {
        if (rows > MAX_ROWS) {
            throw new ResourceLimitExceededException("the scan returns more than " + MAX_ROWS
                    + " rows; add a limit, a filter or shorter intervals");
        }
    }

    /** Which rows of a piece count: in the ranges and accepted by the filter. */
    private record RowTest(NumericColumn time, TimeRanges ranges, RowMatcher matcher) {
        static RowTest of(ScanQuery query, QueryableIndex piece, TimeRanges ranges) {
            return new RowTest(piece.time(), ranges, query.filter() == null ? null : query.filter().makeMatcher(piece));
        }

        boolean accepts(int row) {
            return (ranges.coversAllRows() || ranges.contains(time.getLong(row))) && (matcher == null || matcher.matches(row));
        }
    }

    private static List<Map<String, Object>> unordered(ScanQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        List<Map<String, Object>> results = new ArrayList<>();
        long[] skip = {query.offset()};
        long[] left = {query.limit() == null ? Long.MAX_VALUE : query.limit()};
        long[] returned = {0};
        for (int p = 0; p < pieces.size() && left[0] > 0; p++) {
            QueryableIndex piece = pieces.get(p);
            TimeRanges ranges = TimeRanges.of(query.intervals(), piece);
            if (ranges.isEmpty()) {
                continue;
            }
            List<String> columns = columnsOf(query, piece);
            ValueReader[] readers = readers(piece, columns);
            RowTest test = RowTest.of(query, piece, ranges);
            List<Object> events = new ArrayList<>();
            piece.scan((start, end) -> {
                running.check();
                for (int row = start; row < end && left[0] > 0; row++) {
                    if (!test.accepts(row)) {
                        continue;
                    }
                    if (skip[0] > 0) {
                        skip[0]--;
                        continue;
                    }
                    events.add(event(query, columns, readers, row));
                    left[0]--;
                    checkRows(++returned[0]);
                }
            });
            addBatches(results, PieceIds.of(piece, p), columns, events, query.batchSize());
        }
        return results;
    }

    private static List<Map<String, Object>> ordered(ScanQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        Located located = new Located();
        List<TimeRanges> ranges = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            QueryableIndex piece = pieces.get(p);
            TimeRanges r = TimeRanges.of(query.intervals(), piece);
            ranges.add(r);
            if (r.isEmpty()) {
                continue;
            }
            RowTest test = RowTest.of(query, piece, r);
            int pieceNumber = p;
            piece.scan((start, end) -> {
                running.check();
                for (int row = start; row < end; row++) {
                    if (test.accepts(row)) {
                        located.add(test.time().getLong(row), pieceNumber, row);
                    }
                }
            });
        }
        Comparator<Integer> order = Comparator.<Integer>comparingLong(i -> located.times[i])
                .thenComparingInt(i -> located.pieces[i]).thenComparingInt(i -> located.rows[i]);
        if ("descending".equals(query.order())) {
            order = order.reversed();
        }
        long wanted = query.limit() == null ? Long.MAX_VALUE : query.offset() + query.limit();
        int[] selected = first(located.size, order, wanted);
        int from = (int) Math.min(query.offset(), selected.length);
        selected = Arrays.copyOfRange(selected, from, selected.length);
        checkRows(selected.length);

        List<String> columns = new ArrayList<>(new LinkedHashSet<>(query.columns()));
        if (columns.isEmpty()) {
            LinkedHashSet<String> union = new LinkedHashSet<>();
            for (int p = 0; p < pieces.size(); p++) {
                if (!ranges.get(p).isEmpty()) {
                    union.addAll(columnsOf(query, pieces.get(p)));
                }
            }
            columns.addAll(union);
        }
        Object[] events = new Object[selected.length];
        for (int p = 0; p < pieces.size(); p++) {
            readSelected(query, pieces.get(p), p, columns, located, selected, events, running);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        addBatches(results, null, columns, Arrays.asList(events), query.batchSize());
        if (results.isEmpty() && !columns.isEmpty() && ResultForm.of(query) == ResultForm.PARTIAL) {
            // the columns of pieces without a selected row still belong to the merged answer's columns
            addBatch(results, null, columns, List.of());
        }
        return results;
    }

    /** Reads the selected rows of piece {@code p} in one pass, putting each at its place in {@code events}. */
    private static void readSelected(ScanQuery query, QueryableIndex piece, int p, List<String> columns, Located located,
            int[] selected, Object[] events, RunningQuery running) {
        List<int[]> rowsAndPlaces = new ArrayList<>();
        for (int place = 0; place < selected.length; place++) {
            if (located.pieces[selected[place]] == p) {
                rowsAndPlaces.add(new int[] {located.rows[selected[place]], place});
            }
        }
        if (rowsAndPlaces.isEmpty()) {
            return;
        }
        rowsAndPlaces.sort(Comparator.comparingInt(a -> a[0]));
        ValueReader[] readers = readers(piece, columns);
        int[] next = {0};
        piece.scan((start, end) -> {
            running.check();
            while (next[0] < rowsAndPlaces.size() && rowsAndPlaces.get(next[0])[0] < end) {
                int[] rowAndPlace = rowsAndPlaces.get(next[0]++);
                events[rowAndPlace[1]] = event(query, columns, readers, rowAndPlace[0]);
            }
        });
    }

    /** The first {@code n} located rows in {@code order}: a full sort, or a bounded heap when {@code n} is smaller. */
    private static int[] first(int size, Comparator<Integer> order, long n) {
        if (n >= size) {
            Integer[] all = new Integer[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            Arrays.sort(all, order);
            return Arrays.stream(all).mapToInt(Integer::intValue).toArray();
        }
        int k = (int) n;
        PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, k), order.reversed());
        for (int i = 0; i < size && k > 0; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (order.compare(i, heap.peek()) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        Integer[] kept = heap.toArray(new Integer[0]);
        Arrays.sort(kept, order);
        return Arrays.stream(kept).mapToInt(Integer::intValue).toArray();
    }

    /** The time, piece and row number of every matching row, in growable primitive arrays. */
    private static final class Located {
        long[] times = new long[1024];
        int[] pieces = new int[1024];
        int[] rows = new int[1024];
        int size;

        void add(long time, int piece, int row) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                pieces = Arrays.copyOf(pieces, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            times[size] = time;
            pieces[size] = piece;
            rows[size] = row;
            size++;
        }
    }
}
