package dev.tributary.core.aggregation;

/**
 * Reads one column of "the current row" of whatever is being aggregated: the event being ingested,
 * or the index row a query is visiting. A selector is bound to one thread's cursor and is not safe
 * to share between threads.
 */
public interface ColumnValueSelector {
    /** True when the current row has no value (or no numeric value, for the numeric getters). */
    boolean isNull();

    /** The value as a long; 0 when {@link #isNull()}. */
    long getLong();

    /** The value as a double; 0.0 when {@link #isNull()}. */
    double getDouble();

    /** The value as it is held: a String, a Long, a Double, a List of Strings, or null. */
    Object getObject();

    /** A selector for a column that does not exist: always null. */
    ColumnValueSelector NIL = new ColumnValueSelector() {
        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public long getLong() {
            return 0;
        }

        @Override
        public double getDouble() {
            return 0;
        }

        @Override
        public Object getObject() {
            return null;
        }
    };
}
