package dev.tributary.kafka;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tributary.core.spi.TributaryExtension;
import java.util.List;

/** Registers the {@code kafka} firehose type. */
public final class KafkaExtension implements TributaryExtension {
    @Override
    public String name() {
        return "tributary-firehose-kafka";
    }

    @Override
    public List<Module> jacksonModules() {
        return List.of(new SimpleModule(name()).registerSubtypes(new NamedType(KafkaFirehoseFactory.class, "kafka")));
    }
}
