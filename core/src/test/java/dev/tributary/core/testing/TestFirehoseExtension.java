package dev.tributary.core.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseFactory;
import dev.tributary.core.spi.TributaryExtension;
import java.util.List;

/**
 * Registers the firehose type {@code "test"} so that core's tests can read complete specs: core itself
 * knows no firehose types. Found by {@link java.util.ServiceLoader} through
 * {@code src/test/resources/META-INF/services/dev.tributary.core.spi.TributaryExtension}.
 */
public final class TestFirehoseExtension implements TributaryExtension {
    public static final String NAME = "tributary-core-test-firehose";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Module> jacksonModules() {
        return List.of(new SimpleModule(NAME).registerSubtypes(new NamedType(TestFirehoseFactory.class, "test")));
    }

    /** {@code {"type": "test", "label": "..."}}: a spec's firehose; never connected by core's tests. */
    public record TestFirehoseFactory(@JsonProperty("label") String label) implements FirehoseFactory {
        @Override
        public Firehose connect(dev.tributary.core.spi.FirehoseContext context) {
            throw new UnsupportedOperationException("the test firehose is only read from specs, never connected");
        }
    }
}
