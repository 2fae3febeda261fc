package dev.tributary.core.aggregation.sketch;

import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Registers the DataSketches aggregators and post-aggregators (Druid's datasketches extension
 * names) with Jackson.
 */
public final class SketchJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public SketchJsonModule() {
        super("tributary-datasketches");
    }
}
