package dev.tributary.core.segment;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A little-endian output stream to one new file that counts its bytes and keeps a running CRC32C,
 * and that can force the file to disk when closed. Used by one thread.
 */
class SegmentOutput extends OutputStream {
    private final FileChannel channel;
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private final boolean durable;
    private long position;
    private boolean closed;

    /** @param durable whether {@link #close} forces the file to disk (not needed for spool files) */
    SegmentOutput(Path path, boolean durable) throws IOException {
        this.durable = durable;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
    }

    /** Bytes written so far. */
    long position() {
        return position;
    }

    /** The CRC32C of the bytes written so far. */
    int crc() {
        return (int) crc.getValue();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        crc.update(bytes, offset, length);
        position += length;
    }

    void writeByte(int value) throws IOException {
        write(value);
    }

    void writeInt(int value) throws IOException {
        scratch.clear();
        scratch.putInt(value);
        write(scratch.array(), 0, 4);
    }

    void writeLong(long value) throws IOException {
        scratch.clear();
        scratch.putLong(value);
        write(scratch.array(), 0, 8);
    }

    /** Copies the whole of {@code file} into this output. */
    void writeFile(Path file) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            in.transferTo(this);
        }
    }

    /** Flushes, forces the bytes and the file's size to disk if durable, and closes; once. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            out.flush();
            if (durable) {
                channel.force(true);
            }
        }
    }
}
