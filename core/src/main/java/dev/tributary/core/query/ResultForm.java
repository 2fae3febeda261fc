package dev.tributary.core.query;

/**
 * The form a query's aggregator values are returned in, chosen by its context.
 *
 * <ul>
 * <li>{@link #FINAL}: what a client sees by default: post-aggregations computed, values finalized
 *     (a sketch becomes its estimate).</li>
 * <li>{@link #INTERMEDIATE}: Druid's {@code "finalize": false}: post-aggregations computed, aggregator
 *     values left intermediate (a sketch stays a sketch, written as base64).</li>
 * <li>{@link #PARTIAL}: context {@value #PARTIAL_KEY}, set by
 *     {@link dev.tributary.core.query.merge.PartialResults#forDataServers}: one server's share of a
 *     query spread across servers. Aggregator values are the raw intermediates, null where nothing was
 *     aggregated, so that the merge combines exactly the values one server holding every piece would;
 *     no post-aggregations. The receiving node merges such results and finishes them.</li>
 * </ul>
 */
public enum ResultForm {
    FINAL, INTERMEDIATE, PARTIAL;

    /** The context key asking for {@link #PARTIAL} results. */
    public static final String PARTIAL_KEY = "tributaryPartial";

    /** Druid's context key: {@code false} leaves aggregator values intermediate. */
    public static final String FINALIZE_KEY = "finalize";

    /** The form {@code query}'s context asks for. */
    public static ResultForm of(Query query) {
        if (query.contextFlag(PARTIAL_KEY)) {
            return PARTIAL;
        }
        Object finalize = query.context().get(FINALIZE_KEY);
        return Boolean.FALSE.equals(finalize) || "false".equalsIgnoreCase(String.valueOf(finalize)) ? INTERMEDIATE : FINAL;
    }
}
