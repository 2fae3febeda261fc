package dev.tributary.bench.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks {@code 0..cardinality-1} with probability proportional to {@code 1 / (rank + 1)^exponent}:
 * a few hot values and a long tail, as real dimensions have. Immutable; the caller owns the random source.
 */
final class ZipfSampler {
    private final double[] cumulative;

    ZipfSampler(int cardinality, double exponent) {
        if (cardinality < 1) {
            throw new IllegalArgumentException("cardinality must be positive, not " + cardinality);
        }
        cumulative = new double[cardinality];
        double sum = 0;
        for (int rank = 0; rank < cardinality; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < cardinality; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int next(SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = at >= 0 ? at : -at - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
