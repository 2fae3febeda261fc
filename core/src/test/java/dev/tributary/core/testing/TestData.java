package dev.tributary.core.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds schemas and indexes from JSON text, the way users write them, and reads index rows back. */
public final class TestData {
    private TestData() {
    }

    /** A dataSchema read from JSON with the production reader. */
    public static DataSchema dataSchema(String json) {
        return SpecReader.read(json, DataSchema.class);
    }

    /** A new index of {@code schema} holding {@code events} (JSON objects), parsed as ingestion would. */
    public static IncrementalIndex index(DataSchema schema, String... events) {
        IncrementalIndex index = new IncrementalIndex(schema);
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        for (String event : events) {
            index.add(parser.parse(event.getBytes(UTF_8)));
        }
        return index;
    }

    /**
     * Every row of {@code piece} in scan order, as {@code {"__time": <printed time>, column: value, ...}}
     * with the values exactly as a query reads them: a string dimension's value as text (a list of texts
     * for a multi-value row), numbers boxed as their column's type, complex values as objects, and null
     * for a column the piece does not have.
     */
    public static List<Map<String, Object>> rows(QueryableIndex piece, String... columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        NumericColumn time = piece.time();
        Column[] read = new Column[columns.length];
        for (int c = 0; c < columns.length; c++) {
            read[c] = piece.column(columns[c]);
        }
        piece.scan((start, end) -> {
            for (int r = start; r < end; r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("__time", DateTimes.print(time.getLong(r)));
                for (int c = 0; c < columns.length; c++) {
                    row.put(columns[c], value(read[c], r));
                }
                rows.add(row);
            }
        });
        return rows;
    }

    private static Object value(Column column, int row) {
        if (column instanceof StringColumn strings) {
            int count = strings.valueCount(row);
            if (count == 1) {
                return strings.lookupName(strings.getId(row));
            }
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(strings.lookupName(strings.getId(row, i)));
            }
            return values;
        }
        if (column instanceof NumericColumn numbers) {
            return numbers.getObject(row);
        }
        if (column instanceof ComplexColumn objects) {
            return objects.getObject(row);
        }
        return null;
    }

    /** A row as {@link #rows} returns it: alternating column names and values, nulls allowed. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
