package dev.tributary.core.segment;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;

/**
 * Walks one piece's rows in key order ({@link RowKey}), keeping the current row's key in merged
 * terms. A segment's rows are already in that order; a live index's are sorted first (its row
 * numbers only: four bytes a row). One thread.
 */
final class PieceCursor {
    final QueryableIndex piece;
    final int pieceNumber;
    private final MergePlan.Dimension[] dimensions;
    private final NumericColumn time;
    private final StringColumn[] strings;
    private final NumericColumn[] numbers;
    private final int[][] idMaps;
    private final int[] order;
    private final int rows;
    private int position = -1;
    final RowKey key;

    PieceCursor(MergePlan plan, int pieceNumber) {
        this.piece = plan.pieces.get(pieceNumber);
        this.pieceNumber = pieceNumber;
        this.dimensions = plan.dimensions;
        this.time = piece.time();
        int n = dimensions.length;
        this.strings = new StringColumn[n];
        this.numbers = new NumericColumn[n];
        this.idMaps = new int[n][];
        for (int d = 0; d < n; d++) {
            Column column = piece.column(dimensions[d].name());
            if (column instanceof StringColumn s) {
                strings[d] = s;
                idMaps[d] = dimensions[d].idMaps()[pieceNumber];
            } else if (column instanceof NumericColumn number) {
                numbers[d] = number;
            }
        }
        this.key = new RowKey(dimensions);
        this.rows = rowCount(piece);
        this.order = alreadySorted() ? null : sortedRows();
    }

    /**
     * A segment's rows are in merged key order if it has its dimensions in the plan's relative
     * order: a dimension it lacks is null in every row, so it cannot reorder them.
     */
    private boolean alreadySorted() {
        if (!(piece instanceof Segment)) {
            return false;
        }
        java.util.List<String> planned = new java.util.ArrayList<>();
        for (MergePlan.Dimension dimension : dimensions) {
            if (piece.dimensionNames().contains(dimension.name())) {
                planned.add(dimension.name());
            }
        }
        return planned.equals(piece.dimensionNames());
    }

    private static int rowCount(QueryableIndex piece) {
        int[] count = new int[1];
        piece.scan((start, end) -> count[0] = Math.max(count[0], end));
        return count[0];
    }

    private int[] sortedRows() {
        int[] sorted = new int[rows];
        for (int i = 0; i < rows; i++) {
            sorted[i] = i;
        }
        RowKey a = new RowKey(dimensions);
        RowKey b = new RowKey(dimensions);
        IntSort.sort(sorted, (x, y) -> {
            read(x, a);
            read(y, b);
            return a.compareTo(b);
        });
        return sorted;
    }

    /** Moves to the next row; false when there is none. */
    boolean advance() {
        if (++position >= rows) {
            return false;
        }
        read(row(), key);
        return true;
    }

    /** The current row number in the piece. */
    int row() {
        return order == null ? position : order[position];
    }

    private void read(int row, RowKey into) {
        into.time = time.getLong(row);
        for (int d = 0; d < dimensions.length; d++) {
            StringColumn s = strings[d];
            if (s != null) {
                int[] map = idMaps[d];
                if (!s.hasMultipleValues()) {
                    into.ids(d, 1)[0] = map[s.getId(row)];
                } else {
                    int count = s.valueCount(row);
                    int[] ids = into.ids(d, count);
                    for (int i = 0; i < count; i++) {
                        ids[i] = map[s.getId(row, i)];
                    }
                }
            } else if (dimensions[d].type() == ColumnType.STRING) {
                into.ids(d, 1)[0] = StringColumn.NULL_ID;
            } else {
                NumericColumn number = numbers[d];
                boolean isNull = number == null || number.isNull(row);
                into.nulls[d] = isNull;
                into.longs[d] = isNull ? 0 : number.getLong(row);
                into.doubles[d] = isNull ? 0 : number.getDouble(row);
            }
        }
    }
}
