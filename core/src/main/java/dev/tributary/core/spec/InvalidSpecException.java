package dev.tributary.core.spec;

import dev.tributary.core.TributaryException;

/**
 * An ingestion spec that cannot be run. The message always names the offending field by its path in
 * the spec ({@code dataSchema.granularitySpec.segmentGranularity}), so the user knows what to fix.
 */
public final class InvalidSpecException extends TributaryException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidSpecException(String field, String problem) {
        super("Invalid ingestion spec: field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong with the field, without the field's name. */
    public String problem() {
        return problem;
    }

    /** The path of the offending field, such as {@code dataSchema.metricsSpec[2].fieldName}. */
    public String field() {
        return field;
    }
}
