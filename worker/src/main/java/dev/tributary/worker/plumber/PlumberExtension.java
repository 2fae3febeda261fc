package dev.tributary.worker.plumber;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tributary.core.spi.TributaryExtension;
import java.util.List;

/** Registers the plumber types the worker provides: {@code realtime} and {@code flushing}. */
public final class PlumberExtension implements TributaryExtension {
    @Override
    public String name() {
        return "tributary-plumbers";
    }

    @Override
    public List<Module> jacksonModules() {
        SimpleModule module = new SimpleModule("tributary-plumbers");
        module.registerSubtypes(new NamedType(RealtimePlumberFactory.class, "realtime"),
                new NamedType(FlushingPlumberFactory.class, "flushing"));
        return List.of(module);
    }
}
