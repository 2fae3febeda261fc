package dev.tributary.core.segment;

/** A stable merge sort of an int[] by a comparator of ints, without boxing. */
final class IntSort {
    /** Compares two ints (row numbers, say). */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION_THRESHOLD = 24;

    private IntSort() {
    }

    static void sort(int[] values, IntComparator comparator) {
        int[] scratch = values.clone();
        mergeSort(scratch, values, 0, values.length, comparator);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both start with the same contents. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntComparator comparator) {
        int length = to - from;
        if (length < INSERTION_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int value = dst[i];
                int j = i - 1;
                while (j >= from && comparator.compare(dst[j], value) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = value;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, comparator);
        mergeSort(dst, src, mid, to, comparator);
        if (comparator.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, length);
            return;
        }
        for (int i = from, p = from, q = mid; i < to; i++) {
            if (q >= to || (p < mid && comparator.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
