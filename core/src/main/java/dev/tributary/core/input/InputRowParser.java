package dev.tributary.core.input;

/**
 * Turns one event's bytes into a row. Implementations are stateless after construction and safe to
 * call from several threads at once.
 */
@FunctionalInterface
public interface InputRowParser {
    /**
     * @throws UnparseableEventException if the bytes cannot become a row (never for other reasons)
     */
    InputRow parse(byte[] event);
}
