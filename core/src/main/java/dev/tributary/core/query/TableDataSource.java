package dev.tributary.core.query;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A query's {@code dataSource}: a name, or Druid's {@code {"type": "table", "name": ...}}. */
public record TableDataSource(@JsonProperty("type") String type, @JsonProperty("name") String name) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TableDataSource {
        type = type == null ? "table" : type;
        require("table".equals(type), "type", "dataSource type '" + type + "' is not supported; use a table name");
        require(name != null && !name.isEmpty(), "name", "a dataSource needs a name");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TableDataSource of(String name) {
        return new TableDataSource("table", name);
    }
}
