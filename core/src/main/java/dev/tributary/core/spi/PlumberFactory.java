package dev.tributary.core.spi;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;

/**
 * The {@code ioConfig.plumber} object of a spec, chosen by its {@code type} as in Druid
 * ({@code realtime} when absent). Each type is registered by its extension (see
 * {@link TributaryExtension}); core knows none of them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface PlumberFactory {
    /** A new plumber for one dataSource. Called once per ingestion run. */
    Plumber create(DataSchema schema, TuningConfig tuning);
}
