package dev.tributary.worker.firehose;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tributary.core.spi.TributaryExtension;
import java.util.List;

/** Registers the {@code local} firehose type. */
public final class LocalFirehoseExtension implements TributaryExtension {
    @Override
    public String name() {
        return "tributary-firehose-local";
    }

    @Override
    public List<Module> jacksonModules() {
        return List.of(new SimpleModule(name()).registerSubtypes(new NamedType(LocalFirehoseFactory.class, "local")));
    }
}
