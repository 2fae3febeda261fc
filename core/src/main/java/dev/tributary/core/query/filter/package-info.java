/**
 * Druid's native query filters, answered the way Druid 28+ answers them in its SQL-compatible null
 * mode (the only mode since). The rules all filters share:
 *
 * <ul>
 *   <li><b>Three-valued logic.</b> Each row is true, false or unknown for a filter; a query keeps only
 *       true rows. A comparison with a null value is unknown ({@code selector x}, {@code like},
 *       {@code regex}, {@code search}, {@code equals}, {@code range}, {@code in} without a null), so
 *       {@code not} of it is unknown too and a null row matches neither a filter nor its negation.
 *       {@code and} / {@code or} combine answers as SQL AND / OR. Filters about nulls ({@code null},
 *       {@code selector} with a null value, {@code in} holding null) and {@code bound} without a lower
 *       bound answer true for nulls instead.</li>
 *   <li><b>Multi-value rows.</b> A row of several string values matches when any value matches, is
 *       unknown when none matches but one is unknown (a null), and is false otherwise; an empty list
 *       reads as null. {@code not} negates the row's answer, so {@code not(selector a)} rejects
 *       {@code [a, b]}.</li>
 *   <li><b>Column types.</b> String columns are tested value by value, once per dictionary id. Numeric
 *       columns (long, float, double, {@code __time}) are tested as numbers where Druid compares
 *       numbers ({@code selector}, {@code in}, {@code equals}, {@code range} with a numeric type,
 *       numeric {@code bound}, {@code interval}), by their Java text otherwise. An absent column is all
 *       nulls.</li>
 *   <li><b>Not supported.</b> {@code extractionFn} is refused with an error naming the field, never
 *       ignored; the {@code expression}, {@code columnComparison}, {@code javascript},
 *       {@code arrayContainsElement} and {@code spatial} filters are unknown types.</li>
 * </ul>
 *
 * <p>A filter builds its per-column-type tests ({@link dev.tributary.core.query.filter.ColumnPredicates})
 * once, when it is read; {@link dev.tributary.core.query.filter.PredicateMatchers} turns them into a
 * {@link dev.tributary.core.query.filter.RowMatcher} per index scan.
 */
package dev.tributary.core.query.filter;
