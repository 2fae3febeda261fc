package dev.tributary.core.aggregation.sketch;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/**
 * Query-time sketch aggregation: one sketch (or union) per slot, created when the slot sees its
 * first row; {@link #result} turns it into the intermediate value.
 *
 * @param <S> the per-slot state
 */
abstract class SketchGroupAggregator<S> implements GroupAggregator {
    private Object[] slots = new Object[0];

    @Override
    public void ensureCapacity(int count) {
        if (count > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(count, slots.length * 2));
        }
    }

    abstract S create();

    /** Folds row {@code row} into {@code state}. */
    abstract void aggregate(S state, int row);

    abstract Object result(S state);

    @Override
    @SuppressWarnings("unchecked")
    public void aggregate(int slot, int row) {
        S state = (S) slots[slot];
        if (state == null) {
            state = create();
            slots[slot] = state;
        }
        aggregate(state, row);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object get(int slot) {
        S state = (S) slots[slot];
        return state == null ? null : result(state);
    }
}
