package dev.tributary.deepstorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content of the {@link DeepStorage#COMPLETE_MARKER}: every file of a segment with its size and
 * SHA-256. It lets a re-push of identical files be a no-op and lets a pull check what it copied.
 */
record SegmentManifest(List<Entry> entries) {

    record Entry(String relativePath, long size, String sha256) {
    }

    SegmentManifest {
        entries = List.copyOf(entries);
    }

    /** The manifest of the regular files under {@code directory}, in path order. */
    static SegmentManifest of(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DeepStorageException("Not a segment directory: " + directory, false);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                if (relative.equals(DeepStorage.COMPLETE_MARKER)) {
                    throw new DeepStorageException("A segment must not contain a file named "
                            + DeepStorage.COMPLETE_MARKER + ": " + directory, false);
                }
                entries.add(new Entry(relative, Files.size(file), sha256(file)));
            }
            return new SegmentManifest(entries);
        } catch (IOException e) {
            throw new DeepStorageException("Could not read segment directory " + directory, e, false);
        }
    }

    static SegmentManifest parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(" ", 3);
            if (fields.length != 3) {
                throw new DeepStorageException("Corrupt segment manifest line: " + line, false);
            }
            String path = fields[2];
            if (path.startsWith("/") || path.contains("\\") || path.equals("..")
                    || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")
                    || path.chars().anyMatch(Character::isISOControl)) {
                throw new DeepStorageException("Segment manifest names an unsafe path: " + path, false);
            }
            entries.add(new Entry(path, Long.parseLong(fields[1]), fields[0]));
        }
        return new SegmentManifest(entries);
    }

    String format() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.sha256()).append(' ').append(entry.size()).append(' ')
                    .append(entry.relativePath()).append('\n');
        }
        return text.toString();
    }

    byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    /** Checks that {@code directory} holds exactly the files of this manifest. */
    void verify(Path directory, String location) {
        SegmentManifest actual = of(directory);
        if (!actual.equals(this)) {
            throw new DeepStorageException("Segment at " + location
                    + " changed or was corrupted while it was pulled", true);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
