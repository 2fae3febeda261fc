package dev.tributary.bench.druid;

import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.druid.jackson.DefaultObjectMapper;
import org.apache.druid.math.expr.ExprMacroTable;

/**
 * Druid's JSON mapper as a Druid server configures it, minus Guice: aggregators and queries ask for an
 * injected {@link ExprMacroTable} (no expression macros are needed here) and for the mapper itself.
 */
public final class DruidJson {
    private DruidJson() {
    }

    public static ObjectMapper newMapper() {
        ObjectMapper mapper = new DefaultObjectMapper();
        mapper.setInjectableValues(new InjectableValues.Std()
                .addValue(ExprMacroTable.class, ExprMacroTable.nil())
                .addValue(ObjectMapper.class, mapper));
        return mapper;
    }
}
