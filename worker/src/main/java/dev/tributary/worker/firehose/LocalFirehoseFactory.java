package dev.tributary.worker.firehose;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.spec.SpecFieldException;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code {"type": "local"}} firehose of a spec (Druid's {@code LocalFirehoseFactory}): the
 * newline-delimited JSON files directly in one directory, in file-name order, one event per non-blank
 * line. Files that appear later and match the filter are read too, as are lines appended to a file.
 *
 * <p>Positions (the next line of each file) are kept beside the files, in {@link #positionsFile()};
 * the node's position ledger is not used.
 *
 * @param baseDir the directory to read; must exist
 * @param filter a glob over file names ({@code *.json}); {@code *} when absent
 */
public record LocalFirehoseFactory(
        @JsonProperty("baseDir") String baseDir,
        @JsonProperty("filter") String filter) implements FirehoseFactory {

    /** Names starting with this are the firehose's own files, never read as events. */
    static final String POSITIONS_PREFIX = ".tributary-positions-";

    public LocalFirehoseFactory {
        require(baseDir != null && !baseDir.isBlank(), "baseDir", "the local firehose needs a directory to read");
        require(Files.isDirectory(Path.of(baseDir)), "baseDir", "'" + baseDir + "' is not an existing directory");
        filter = filter == null || filter.isBlank() ? "*" : filter;
        require(!filter.contains("/"), "filter", "is matched against file names alone and may not contain '/'");
        matcher(filter);
    }

    @Override
    public Firehose connect(FirehoseContext context) {
        return new LocalFirehose(directory(), matcher(filter), PositionsFile.open(positionsFile()));
    }

    /** The directory, absolute and normalized. */
    Path directory() {
        return Path.of(baseDir).toAbsolutePath().normalize();
    }

    /**
     * Where positions are kept: {@code <baseDir>/.tributary-positions-<hash>.json}, the hash taken
     * from the directory and the filter, so that two specs reading different files of one directory
     * keep apart.
     */
    public Path positionsFile() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((directory() + "\n" + filter).getBytes(StandardCharsets.UTF_8));
            return directory().resolve(POSITIONS_PREFIX + HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new SpecFieldException("filter", "is not a valid glob: " + e.getDescription());
        }
    }
}
