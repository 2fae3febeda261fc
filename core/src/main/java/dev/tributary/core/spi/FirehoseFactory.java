package dev.tributary.core.spi;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The {@code ioConfig.firehose} object of a spec, chosen by its {@code type} as in Druid. Each type is
 * registered by its extension (see {@link TributaryExtension}); core knows none of them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface FirehoseFactory {
    /** Opens a firehose. Called once per ingestion run, on the thread that will poll it. */
    Firehose connect(FirehoseContext context);
}
