package org.ecomonitor.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Positional reads from a file through a sliding window of 64 KiB, so that records read in file order cost one
 * system call per window rather than one per record. A returned buffer is valid until the next call.
 */
final class ChannelWindow {

    private static final int WINDOW = 1 << 16;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private int windowLength;

    ChannelWindow(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** The size of the file in bytes. */
    long size() {
        return size;
    }

    /**
     * The {@code length} bytes at {@code position} as a buffer positioned at 0, with the given byte order, or
     * null when the file ends before {@code position + length}.
     */
    ByteBuffer read(long position, int length, ByteOrder order) throws IOException {
        if (position < 0 || length < 0 || position + length > size) {
            return null;
        }
        if (length > WINDOW) {
            ByteBuffer big = ByteBuffer.allocate(length);
            readFully(big, position);
            return big.flip().order(order);
        }
        if (windowStart < 0 || position < windowStart || position + length > windowStart + windowLength) {
            window.clear();
            window.limit((int) Math.min(WINDOW, size - position));
            readFully(window, position);
            windowStart = position;
            windowLength = window.position();
        }
        int offset = (int) (position - windowStart);
        return window.duplicate().position(offset).limit(offset + length).slice().order(order);
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }
}
