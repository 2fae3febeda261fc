package dev.tributary.core.query.scan;

import dev.tributary.core.query.PartialRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scan query spread across data servers. Offset and limit are global, so each server skips nothing
 * and returns up to {@code offset + limit} rows; the merge then reads the servers' rows as if their
 * pieces were listed one server after another, the first server's first, and answers as
 * {@link ScanEngine} does over that list:
 *
 * <ul>
 * <li>without an order, batches keep each piece's segment id (each server names its own pieces) and
 *     are cut again by {@code batchSize} after the offset and limit;</li>
 * <li>with an order, rows are sorted by time, rows of equal time by server and then in the server's
 *     order (its pieces, then rows, reversed for {@code descending}), into batches with a null segment
 *     id whose columns are the union of the servers' columns when the query names none. Servers add
 *     {@code __time} to named columns, to sort by; the merge drops it again unless it was named.</li>
 * </ul>
 */
public final class ScanMerge {
    private static final String TIME = "__time";

    private ScanMerge() {
    }

    /** What each data server runs for {@code query}. */
    public static ScanQuery forDataServers(ScanQuery query) {
        Long limit = query.limit() == null ? null : query.offset() + query.limit();
        List<String> columns = query.columns();
        if (query.timeOrdered() && !columns.isEmpty()) {
            LinkedHashSet<String> withTime = new LinkedHashSet<>(columns);
            withTime.add(TIME);
            columns = List.copyOf(withTime);
        }
        return new ScanQuery(query.dataSource(), query.intervals(), query.filter(), columns, limit, 0L, query.order(),
                query.resultFormat(), query.batchSize(), query.legacy(), query.virtualColumns(),
                PartialRows.context(query.context()));
    }

    /** The answer to {@code query} from the data servers' partial results, in server order. */
    public static List<Map<String, Object>> merge(ScanQuery query, List<List<?>> partials) {
        return query.timeOrdered() ? ordered(query, partials) : unordered(query, partials);
    }

    private static List<Map<String, Object>> unordered(ScanQuery query, List<List<?>> partials) {
        List<Map<String, Object>> results = new ArrayList<>();
        long skip = query.offset();
        long left = query.limit() == null ? Long.MAX_VALUE : query.limit();
        long returned = 0;
        for (List<?> partial : partials) {
            List<Map<String, Object>> batches = PartialRows.rows(partial);
            // a piece's rows are the server's consecutive batches naming its segment id
            for (int b = 0; b < batches.size() && left > 0; ) {
                Object segmentId = batches.get(b).get("segmentId");
                List<String> columns = strings(batches.get(b).get("columns"));
                List<Object> events = new ArrayList<>();
                for (; b < batches.size() && Objects.equals(batches.get(b).get("segmentId"), segmentId); b++) {
                    for (Object event : PartialRows.array(batches.get(b).get("events"))) {
                        if (skip > 0) {
                            skip--;
                        } else if (left > 0) {
                            events.add(event);
                            left--;
                            ScanEngine.checkRows(++returned);
                        }
                    }
                }
                ScanEngine.addBatches(results, (String) segmentId, columns, events, query.batchSize());
            }
        }
        return results;
    }

    /** A server's row: when it was, which server sent it and where in that server's answer it came. */
    private record Located(long time, int server, int position, Object event, List<String> columns) {
    }

    private static List<Map<String, Object>> ordered(ScanQuery query, List<List<?>> partials) {
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(query.columns()));
        LinkedHashSet<String> union = new LinkedHashSet<>();
        List<Located> located = new ArrayList<>();
        for (int s = 0; s < partials.size(); s++) {
            int position = 0;
            for (Map<String, Object> batch : PartialRows.rows(partials.get(s))) {
                List<String> batchColumns = strings(batch.get("columns"));
                union.addAll(batchColumns);
                int timeIndex = batchColumns.indexOf(TIME);
                for (Object event : PartialRows.array(batch.get("events"))) {
                    Object time = query.compacted() ? ((List<?>) event).get(timeIndex) : PartialRows.object(event).get(TIME);
                    located.add(new Located(PartialRows.whole(time), s, position++, event, batchColumns));
                }
            }
        }
        // one server orders by (time, piece, row), or all three reversed; a server's rows already come
        // in its order, and servers hold consecutive pieces
        Comparator<Located> byTimeAndServer = Comparator.comparingLong(Located::time).thenComparingInt(Located::server);
        if ("descending".equals(query.order())) {
            byTimeAndServer = byTimeAndServer.reversed();
        }
        located.sort(byTimeAndServer.thenComparingInt(Located::position));
        int from = (int) Math.min(query.offset(), located.size());
        int to = query.limit() == null ? located.size() : (int) Math.min(located.size(), from + query.limit());
        ScanEngine.checkRows(to - from);
        if (columns.isEmpty()) {
            columns.addAll(union);
        }
        List<Object> events = new ArrayList<>(to - from);
        Map<List<String>, int[]> places = new IdentityHashMap<>();
        for (Located row : located.subList(from, to)) {
            events.add(reshape(query, row, columns, places));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        ScanEngine.addBatches(results, null, columns, events, query.batchSize());
        return results;
    }

    /**
     * A server's event with the merged answer's columns, in their order; null for those it lacked.
     *
     * @param places for each batch's columns, where each answer column is in them (-1: not there)
     */
    private static Object reshape(ScanQuery query, Located row, List<String> columns, Map<List<String>, int[]> places) {
        if (query.compacted()) {
            List<?> values = (List<?>) row.event();
            int[] place = places.computeIfAbsent(row.columns(), batch -> columns.stream().mapToInt(batch::indexOf).toArray());
            List<Object> event = new ArrayList<>(columns.size());
            for (int index : place) {
                event.add(index < 0 ? null : values.get(index));
            }
            return event;
        }
        Map<String, Object> values = PartialRows.object(row.event());
        Map<String, Object> event = new LinkedHashMap<>();
        for (String column : columns) {
            event.put(column, values.get(column));
        }
        return event;
    }

    private static List<String> strings(Object json) {
        List<String> strings = new ArrayList<>();
        for (Object value : PartialRows.array(json)) {
            strings.add((String) value);
        }
        return strings;
    }
}
