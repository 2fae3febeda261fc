package dev.tributary.worker.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Druid's error JSON: {@code {"error", "errorMessage", "errorClass", "host"}}. Never a stack trace. */
record DruidError(String error, String errorMessage, String errorClass, String host) {
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("errorMessage", errorMessage);
        json.put("errorClass", errorClass);
        json.put("host", host);
        return json;
    }
}
