package dev.tributary.core.time;

/** Druid's {@code none}: one bucket per millisecond, the precision of the index; time is left alone. */
final class NoneGranularity extends Granularity {
    @Override
    public long bucketStart(long t) {
        return t;
    }

    @Override
    public long next(long bucketStart) {
        return bucketStart + 1;
    }

    @Override
    public long fixedWidthMillis() {
        return 1;
    }

    @Override
    public boolean isSimple() {
        return true;
    }

    @Override
    public String jsonName() {
        return "none";
    }

    @Override
    public Object toJson() {
        return "none";
    }
}
