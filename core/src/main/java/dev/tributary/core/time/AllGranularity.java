package dev.tributary.core.time;

/** Druid's {@code all}: one bucket spanning every instant there is. */
final class AllGranularity extends Granularity {
    @Override
    public long bucketStart(long t) {
        return Interval.ETERNITY.start();
    }

    @Override
    public long next(long bucketStart) {
        return Interval.ETERNITY.end();
    }

    @Override
    public long fixedWidthMillis() {
        return 0;
    }

    @Override
    public boolean isSimple() {
        return true;
    }

    @Override
    public String jsonName() {
        return "all";
    }

    @Override
    public Object toJson() {
        return "all";
    }
}
