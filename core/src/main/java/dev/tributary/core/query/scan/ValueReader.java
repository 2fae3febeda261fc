package dev.tributary.core.query.scan;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one column's value of a row the way a scan query returns it: {@code __time} as epoch
 * milliseconds, a string dimension as its text (a list for a multi-value row), numbers as their
 * column's type, complex values as objects, null for a column the piece does not have.
 */
@FunctionalInterface
interface ValueReader {
    Object read(int row);

    static ValueReader of(QueryableIndex piece, String name) {
        Column column = piece.column(name);
        if (column instanceof StringColumn strings) {
            return row -> {
                int count = strings.valueCount(row);
                if (count == 1) {
                    return strings.lookupName(strings.getId(row));
                }
                if (count == 0) {
                    return null;
                }
                List<String> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(strings.lookupName(strings.getId(row, i)));
                }
                return values;
            };
        }
        if (column instanceof NumericColumn numbers) {
            return numbers::getObject;
        }
        if (column instanceof ComplexColumn objects) {
            return objects::getObject;
        }
        return row -> null;
    }
}
