package dev.tributary.deepstorage;

import java.util.List;

import dev.tributary.core.spec.DataSourceNames;

/**
 * Names one segment in deep storage; its {@link #relativePath()} is the layout of DESIGN.md §6,
 * {@code <dataSource>/<start>_<end>/<version>/<partitionNum>/}. Every part becomes a path element,
 * so the compact constructor refuses anything that could climb out of the base or split an
 * element: the dataSource by {@link DataSourceNames#problem}, the other parts by the same rules.
 *
 * @param intervalStart the interval start as written in the segment id (ISO-8601 or millis)
 * @param intervalEnd the interval end, same form
 */
public record SegmentKey(String dataSource, String intervalStart, String intervalEnd, String version,
        int partitionNum) {

    public SegmentKey {
        String dataSourceProblem = DataSourceNames.problem(dataSource);
        if (dataSourceProblem != null) {
            throw new InvalidSegmentKeyException("dataSource " + dataSourceProblem);
        }
        checkPart("interval start", intervalStart);
        checkPart("interval end", intervalEnd);
        if (intervalStart.contains("_") || intervalEnd.contains("_")) {
            // '_' separates start from end in the path, so it must not occur inside either.
            throw new InvalidSegmentKeyException("interval bounds must not contain '_'");
        }
        checkPart("version", version);
        if (partitionNum < 0) {
            throw new InvalidSegmentKeyException("partitionNum must be >= 0, was " + partitionNum);
        }
    }

    /** The relative path of the segment directory, with '/' separators and a trailing '/'. */
    public String relativePath() {
        return String.join("/", pathElements()) + "/";
    }

    /** The four path elements: dataSource, interval, version, partitionNum. */
    public List<String> pathElements() {
        return List.of(dataSource, intervalStart + "_" + intervalEnd, version,
                Integer.toString(partitionNum));
    }

    /**
     * The key whose {@link #relativePath()} is {@code relativePath} (trailing '/' optional).
     *
     * @throws LocationOutsideBaseException if it is not exactly such a path
     */
    public static SegmentKey fromRelativePath(String relativePath) {
        String path = relativePath.endsWith("/")
                ? relativePath.substring(0, relativePath.length() - 1) : relativePath;
        String[] parts = path.split("/", -1);
        if (parts.length != 4) {
            throw notASegment(relativePath);
        }
        int underscore = parts[1].indexOf('_');
        if (underscore < 0) {
            throw notASegment(relativePath);
        }
        int partitionNum;
        try {
            partitionNum = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw notASegment(relativePath);
        }
        SegmentKey key;
        try {
            key = new SegmentKey(parts[0], parts[1].substring(0, underscore),
                    parts[1].substring(underscore + 1), parts[2], partitionNum);
        } catch (InvalidSegmentKeyException e) {
            throw new LocationOutsideBaseException(
                    "Not a segment location: '" + relativePath + "' (" + e.getMessage() + ")");
        }
        if (!key.relativePath().equals(path + "/")) {
            throw notASegment(relativePath); // e.g. "007" for partition 7
        }
        return key;
    }

    private static LocationOutsideBaseException notASegment(String relativePath) {
        return new LocationOutsideBaseException("Not a segment location under the storage base: '"
                + relativePath + "' (expected <dataSource>/<start>_<end>/<version>/<partitionNum>/)");
    }

    private static void checkPart(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSegmentKeyException(what + " must not be empty");
        }
        if (value.contains("/") || value.contains("\\")) {
            throw new InvalidSegmentKeyException(what + " '" + value + "' must not contain '/' or '\\'");
        }
        if (value.contains("..") || value.startsWith(".")) {
            throw new InvalidSegmentKeyException(what + " '" + value + "' must not start with '.' or contain '..'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidSegmentKeyException(what + " must not contain control characters");
            }
        }
    }
}
