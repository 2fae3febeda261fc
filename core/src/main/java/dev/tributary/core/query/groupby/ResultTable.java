package dev.tributary.core.query.groupby;

import java.util.List;
import java.util.Map;

/** The finished rows of a groupBy, as its having clause reads them: each row's time and values by name. */
public interface ResultTable {
    int size();

    long time(int row);

    /** The row's dimension, aggregation (finalized) and post-aggregation values by output name. */
    Map<String, Object> values(int row);

    /** The dimension output names. */
    List<String> dimensions();
}
