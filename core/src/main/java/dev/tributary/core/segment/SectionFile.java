package dev.tributary.core.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A memory-mapped segment file: a run of sections (byte ranges) followed by a footer that says where
 * each section is and carries a CRC32C of everything before the checksum field. Opening verifies the
 * footer and the checksum, so a truncated or damaged file is refused before any of it is read.
 *
 * <pre>
 * [section 0][section 1]...[section n-1]
 * [offset of section i: long] x (n + 1)   the last one is where the table starts
 * [n: int][crc32c: int][magic "TRBS": int]
 * </pre>
 * All numbers little-endian. Immutable after opening; sections may be read from any thread.
 */
final class SectionFile {
    static final int MAGIC = 0x53425254; // "TRBS" read as a little-endian int
    static final int FOOTER_BYTES = 12;

    private final Path path;
    private final ByteBuffer[] sections;

    private SectionFile(Path path, ByteBuffer[] sections) {
        this.path = path;
        this.sections = sections;
    }

    /** Maps and verifies {@code path}. */
    static SectionFile open(Path path) throws IOException {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw corrupt(path, "is larger than 2 GB, more than one segment file may hold");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (NoSuchFileException e) {
            throw new CorruptSegmentException("segment file " + path + " is missing");
        }
        ByteBuffer all = mapped.order(ByteOrder.LITTLE_ENDIAN);
        long size = all.capacity();
        if (size < FOOTER_BYTES) {
            throw corrupt(path, "is " + size + " bytes, shorter than its footer (truncated?)");
        }
        int footer = (int) size - FOOTER_BYTES;
        if (all.getInt(footer + 8) != MAGIC) {
            throw corrupt(path, "does not end with the segment file marker (truncated or not a segment file)");
        }
        int count = all.getInt(footer);
        long tableStart = (long) footer - 8L * (count + 1);
        if (count < 0 || tableStart < 0) {
            throw corrupt(path, "has a damaged section table");
        }
        CRC32C crc = new CRC32C();
        crc.update(all.duplicate().position(0).limit(footer + 4));
        if ((int) crc.getValue() != all.getInt(footer + 4)) {
            throw corrupt(path, "fails its checksum (damaged on disk)");
        }
        ByteBuffer[] sections = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long from = all.getLong((int) tableStart + 8 * i);
            long to = all.getLong((int) tableStart + 8 * (i + 1));
            if (from < 0 || to < from || to > tableStart) {
                throw corrupt(path, "has a section outside the file");
            }
            sections[i] = all.duplicate().position((int) from).limit((int) to).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        return new SectionFile(path, sections);
    }

    static CorruptSegmentException corrupt(Path path, String problem) {
        return new CorruptSegmentException("segment file " + path + " " + problem + "; the segment is refused");
    }

    int sectionCount() {
        return sections.length;
    }

    /** Section {@code i}, positioned at its start, little-endian; a fresh view for each call. */
    ByteBuffer section(int i) {
        if (i >= sections.length) {
            throw corrupt(path, "has " + sections.length + " sections where " + (i + 1) + " were expected");
        }
        return sections[i].duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    Path path() {
        return path;
    }
}
