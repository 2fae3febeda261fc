package dev.tributary.worker.http;

import dev.tributary.core.spi.Extensions;
import dev.tributary.worker.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Druid's {@code GET /status} shape: version, loaded extensions ("modules") and JVM memory. */
final class StatusResource {
    private StatusResource() {
    }

    static Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", Version.get());
        List<Map<String, Object>> modules = Extensions.loaded().stream().map(e -> {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("name", e.getClass().getName());
            module.put("artifact", e.name());
            module.put("version", e.version());
            return module;
        }).toList();
        status.put("modules", modules);
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> memory = new LinkedHashMap<>();
        long total = runtime.totalMemory();
        long free = runtime.freeMemory();
        memory.put("maxMemory", runtime.maxMemory());
        memory.put("totalMemory", total);
        memory.put("freeMemory", free);
        memory.put("usedMemory", total - free);
        status.put("memory", memory);
        return status;
    }
}
