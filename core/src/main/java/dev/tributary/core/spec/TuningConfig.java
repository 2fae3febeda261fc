package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Druid's realtime {@code tuningConfig}. The keys are read and validated now so that Druid specs
 * carry over; the persist and handoff keys take effect with the persisting plumber (see docs/).
 *
 * @param maxRowsInMemory rows in one in-memory index before it is persisted (default 150000)
 * @param maxBytesInMemory estimated heap bytes of in-memory rows before a persist; 0 means one sixth
 *                         of the heap, -1 means no limit (default 0)
 * @param intermediatePersistPeriod persist at least this often (default PT10M)
 * @param windowPeriod how late an event may arrive for its segment (default PT10M)
 * @param rejectionPolicy which events are too late: {@code serverTime}, {@code messageTime}, {@code none}
 * @param basePersistDirectory where persisted hydrants live (default a directory under java.io.tmpdir)
 * @param maxPendingPersists persists that may queue before ingestion waits (default 0: one at a time)
 * @param handoffConditionTimeout milliseconds to wait for handoff; 0 waits for ever (default 0)
 * @param maxEventBytes a Tributary addition: larger events are counted as unparseable and skipped
 *                      (default 1 MiB)
 */
public record TuningConfig(
        @JsonProperty("type") String type,
        @JsonProperty("maxRowsInMemory") Integer maxRowsInMemory,
        @JsonProperty("maxBytesInMemory") Long maxBytesInMemory,
        @JsonProperty("intermediatePersistPeriod") Duration intermediatePersistPeriod,
        @JsonProperty("windowPeriod") Duration windowPeriod,
        @JsonProperty("rejectionPolicy") Map<String, String> rejectionPolicy,
        @JsonProperty("basePersistDirectory") String basePersistDirectory,
        @JsonProperty("maxPendingPersists") Integer maxPendingPersists,
        @JsonProperty("handoffConditionTimeout") Long handoffConditionTimeout,
        @JsonProperty("maxRowsPerSegment") Integer maxRowsPerSegment,
        @JsonProperty("reportParseExceptions") Boolean reportParseExceptions,
        @JsonProperty("maxEventBytes") Integer maxEventBytes) {
    /** Events larger than this are counted as unparseable and skipped (1 MiB). */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;
    private static final Set<String> REJECTION_POLICIES = Set.of("serverTime", "messageTime", "none");

    public TuningConfig {
        type = type == null ? "realtime" : type;
        require("realtime".equals(type), "type", "'" + type + "' is not a realtime tuningConfig; use \"realtime\"");
        maxRowsInMemory = maxRowsInMemory == null ? 150_000 : maxRowsInMemory;
        require(maxRowsInMemory > 0, "maxRowsInMemory", "must be positive, not " + maxRowsInMemory);
        maxBytesInMemory = maxBytesInMemory == null ? 0L : maxBytesInMemory;
        require(maxBytesInMemory >= -1, "maxBytesInMemory", "must be -1 (no limit), 0 (a sixth of the heap) or positive");
        intermediatePersistPeriod = intermediatePersistPeriod == null ? Duration.ofMinutes(10) : intermediatePersistPeriod;
        require(!intermediatePersistPeriod.isNegative() && !intermediatePersistPeriod.isZero(),
                "intermediatePersistPeriod", "must be a positive ISO-8601 period such as PT10M");
        windowPeriod = windowPeriod == null ? Duration.ofMinutes(10) : windowPeriod;
        require(!windowPeriod.isNegative(), "windowPeriod", "must not be negative");
        rejectionPolicy = rejectionPolicy == null ? Map.of("type", "serverTime") : Map.copyOf(rejectionPolicy);
        String policy = rejectionPolicy.get("type");
        require(REJECTION_POLICIES.contains(policy), "rejectionPolicy.type",
                "'" + policy + "' is not one of " + new java.util.TreeSet<>(REJECTION_POLICIES));
        basePersistDirectory = basePersistDirectory == null
                ? System.getProperty("java.io.tmpdir") + "/tributary-persist" : basePersistDirectory;
        maxPendingPersists = maxPendingPersists == null ? 0 : maxPendingPersists;
        require(maxPendingPersists >= 0, "maxPendingPersists", "must not be negative");
        handoffConditionTimeout = handoffConditionTimeout == null ? 0L : handoffConditionTimeout;
        require(handoffConditionTimeout >= 0, "handoffConditionTimeout", "must not be negative");
        maxRowsPerSegment = maxRowsPerSegment == null ? 5_000_000 : maxRowsPerSegment;
        require(maxRowsPerSegment > 0, "maxRowsPerSegment", "must be positive");
        reportParseExceptions = Boolean.TRUE.equals(reportParseExceptions);
        maxEventBytes = maxEventBytes == null ? DEFAULT_MAX_EVENT_BYTES : maxEventBytes;
        require(maxEventBytes > 0, "maxEventBytes", "must be positive");
    }

    /** {@code maxBytesInMemory} in bytes: 0 means a sixth of the maximum heap, -1 no limit. */
    public long maxBytesInMemoryOrDefault() {
        if (maxBytesInMemory == 0) {
            return Runtime.getRuntime().maxMemory() / 6;
        }
        return maxBytesInMemory < 0 ? Long.MAX_VALUE : maxBytesInMemory;
    }

    public static TuningConfig defaults() {
        return new TuningConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
