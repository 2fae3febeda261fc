package dev.tributary.core.query.groupby;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.function.IntPredicate;

/**
 * A groupBy {@code having} clause, chosen by its {@code type}: which finished rows (after
 * post-aggregation, before limitSpec) are kept. Immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HavingSpecs.GreaterThan.class, name = "greaterThan"),
    @JsonSubTypes.Type(value = HavingSpecs.LessThan.class, name = "lessThan"),
    @JsonSubTypes.Type(value = HavingSpecs.EqualTo.class, name = "equalTo"),
    @JsonSubTypes.Type(value = HavingSpecs.And.class, name = "and"),
    @JsonSubTypes.Type(value = HavingSpecs.Or.class, name = "or"),
    @JsonSubTypes.Type(value = HavingSpecs.Not.class, name = "not"),
    @JsonSubTypes.Type(value = HavingSpecs.DimSelector.class, name = "dimSelector"),
    @JsonSubTypes.Type(value = HavingSpecs.Filter.class, name = "filter"),
    @JsonSubTypes.Type(value = HavingSpecs.Always.class, name = "always"),
    @JsonSubTypes.Type(value = HavingSpecs.Never.class, name = "never"),
})
public interface HavingSpec {
    /** A test of the rows of {@code rows} by row number; built once per query. */
    IntPredicate bind(ResultTable rows);
}
