package dev.tributary.worker.firehose;

import dev.tributary.core.spi.RawEvent;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Where reading one file has got to: the next line number and the byte it starts at, so that lines
 * appended later are read without reading the file again. The file is opened only while lines are
 * read, so a directory of many files holds no descriptors between polls.
 *
 * <p>A line ends at {@code \n} (a {@code \r} before it is dropped); the bytes after the last one are a
 * line too, so writers must append whole lines. Blank lines count as lines but are no events.
 */
final class LineCursor {
    private final String name;
    /** Lines below this were read in an earlier run (committed): skipped, not returned. */
    private final long skipBelow;
    private long nextLine;
    private long nextByte;

    LineCursor(String name, long skipBelow) {
        this.name = name;
        this.skipBelow = skipBelow;
    }

    String name() {
        return name;
    }

    /** Adds the events of up to {@code max} further lines of {@code file} to {@code out}. */
    void read(Path file, int max, List<RawEvent> out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() <= nextByte) {
                return;
            }
            channel.position(nextByte);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lineBytes = 0;
            int added = 0;
            while (added < max) {
                int b = in.read();
                if (b == -1) {
                    if (lineBytes > 0) {
                        added += endLine(line, lineBytes, out);
                    }
                    return;
                }
                lineBytes++;
                if (b == '\n') {
                    added += endLine(line, lineBytes, out);
                    line.reset();
                    lineBytes = 0;
                } else {
                    line.write(b);
                }
            }
        }
    }

    private int endLine(ByteArrayOutputStream line, long lineBytes, List<RawEvent> out) {
        long number = nextLine++;
        nextByte += lineBytes;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (number < skipBelow || isBlank(bytes, length)) {
            return 0;
        }
        out.add(new RawEvent(name, number, Arrays.copyOf(bytes, length)));
        return 1;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
