package dev.tributary.core.segment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files of a segment directory and how a new one comes into place crash-safely: everything is
 * written into a temporary sibling directory, every file and the directory are forced to disk, and
 * only then is it renamed to its final name (an atomic rename), and the parent directory forced.
 * A crash leaves either no segment or a whole one, plus possibly a temporary directory, which
 * {@link #isTemporary} recognizes so that recovery can delete it.
 */
final class SegmentFiles {
    /** The format marker file and its exact content. */
    static final String FORMAT_FILE = "format";
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_TEXT = "tributary-segment " + FORMAT_VERSION + "\n";
    static final String META_FILE = "meta";
    private static final String TEMPORARY_PREFIX = ".tmp-";
    /** Column files are named by the writer, never by input: {@code c<number>.col}. */
    private static final Pattern COLUMN_FILE = Pattern.compile("c[0-9]{1,6}\\.col");

    private SegmentFiles() {
    }

    static String columnFile(int column) {
        return "c" + column + ".col";
    }

    /** Resolves a column file name read from a segment's metadata, refusing any that is not ours. */
    static Path column(Path directory, String file) {
        if (file == null || !COLUMN_FILE.matcher(file).matches()) {
            throw new CorruptSegmentException("segment " + directory + " names a column file '" + file
                    + "' that is not a segment column file name; the segment is refused");
        }
        return directory.resolve(file);
    }

    /** A new, empty temporary directory beside {@code target}. */
    static Path newTemporary(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve(TEMPORARY_PREFIX + target.getFileName() + "-" + UUID.randomUUID()));
    }

    static boolean isTemporary(Path directory) {
        return directory.getFileName().toString().startsWith(TEMPORARY_PREFIX);
    }

    /**
     * Writes the format marker into {@code temporary}, forces the directory, renames it to
     * {@code target} and forces the parent. The other files must already be forced to disk.
     */
    static void commit(Path temporary, Path target) throws IOException {
        Path format = temporary.resolve(FORMAT_FILE);
        try (FileChannel channel = FileChannel.open(format, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(FORMAT_TEXT.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        forceDirectory(temporary);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException("cannot write segment " + target + ": it already exists", e);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Checks the format marker of a segment directory. */
    static void checkFormat(Path directory) throws IOException {
        Path format = directory.resolve(FORMAT_FILE);
        if (!Files.isRegularFile(format)) {
            throw new CorruptSegmentException("segment " + directory + " has no format file; it is not a complete segment");
        }
        String text = Files.readString(format, StandardCharsets.US_ASCII);
        if (!FORMAT_TEXT.equals(text)) {
            throw new CorruptSegmentException("segment " + directory + " has format '" + text.strip()
                    + "', this version reads only '" + FORMAT_TEXT.strip() + "'");
        }
    }

    /** Deletes a directory and what is in it (one level: segments have no subdirectories). */
    static void deleteDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
