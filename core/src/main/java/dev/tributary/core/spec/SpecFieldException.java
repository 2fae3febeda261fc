package dev.tributary.core.spec;

/**
 * Thrown by a spec record's constructor when one of its own fields is wrong. {@link SpecReader}
 * prefixes the field with the record's path in the spec, producing an {@link InvalidSpecException}.
 */
public final class SpecFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public SpecFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** Fails with this exception unless {@code condition} holds. */
    public static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new SpecFieldException(field, problem);
        }
    }
}
