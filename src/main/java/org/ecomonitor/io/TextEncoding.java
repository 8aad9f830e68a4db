package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds the encoding of a text file the way a careful person would: a byte-order mark decides; otherwise the
 * first megabyte must decode cleanly as UTF-8, or else cleanly as GB18030 (a superset of GBK and GB2312, what
 * Chinese Excel and WPS write). The reader it opens reports undecodable bytes later in the file as an error with
 * the line, instead of writing replacement characters: a wrong guess never turns into silent mojibake.
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 1 << 20;

    /** The detected charset and the number of BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    private TextEncoding() {
    }

    public static Detected detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        } catch (IOException e) {
            throw new UserException(e, "io.read_failed", file, e.getMessage());
        }
        return detect(head, head.length < SNIFF);
    }

    /** Detects from the first bytes; {@code complete} says whether they are the whole file. */
    public static Detected detect(byte[] head, boolean complete) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        byte[] probe = head;
        if (!complete) {
            // do not judge a multi-byte character cut at the end of the sample
            int end = head.length;
            while (end > 0 && end > head.length - 4 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
            probe = Arrays.copyOf(head, end);
        }
        if (decodes(probe, StandardCharsets.UTF_8)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (decodes(probe, GB18030)) {
            return new Detected(GB18030, 0);
        }
        return new Detected(null, 0);
    }

    private static boolean decodes(byte[] bytes, Charset cs) {
        try {
            decoder(cs).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static CharsetDecoder decoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Opens a reader on the file in the detected (or the given) charset, skipping a BOM. Undecodable bytes
     * raise a {@link java.nio.charset.MalformedInputException} from the reader, which importers turn into a
     * message naming the line.
     */
    public static BufferedReader open(Path file, Charset forced) {
        Detected d = forced != null ? new Detected(forced, 0) : detect(file);
        if (d.charset() == null) {
            throw new UserException("io.encoding_unknown", file);
        }
        try {
            InputStream in = Files.newInputStream(file);
            long skipped = 0;
            int bom = forced != null ? bomLength(file) : d.bomLength();
            while (skipped < bom) {
                skipped += in.skip(bom - skipped);
            }
            return new BufferedReader(new InputStreamReader(in, decoder(d.charset())), 1 << 16);
        } catch (IOException e) {
            throw new UserException(e, "io.read_failed", file, e.getMessage());
        }
    }

    private static int bomLength(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(4), true).bomLength();
        }
    }

    /** Reads a whole (small) text file with detection. */
    public static String readString(Path file) {
        try (BufferedReader r = open(file, null)) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) >= 0) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (CharacterCodingException e) {
            throw new UserException(e, "io.encoding_broken", file, 0);
        } catch (IOException e) {
            throw new UserException(e, "io.read_failed", file, e.getMessage());
        }
    }

    /**
     * The 1-based line holding the first byte sequence that is not valid in {@code cs}, or -1 when the whole file
     * decodes. Readers decode ahead of the line they return, so a decoding error names this line instead.
     */
    public static long lineOfFirstMalformed(Path file, Charset cs) {
        CharsetDecoder decoder = decoder(cs);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            ByteBuffer bytes = ByteBuffer.allocate(1 << 17);
            CharBuffer chars = CharBuffer.allocate(1 << 17);
            long line = 1;
            int n;
            boolean eof = false;
            while (!eof) {
                n = in.read(buf);
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.put(buf, 0, n);
                }
                bytes.flip();
                java.nio.charset.CoderResult r = decoder.decode(bytes, chars, eof);
                chars.flip();
                for (int i = 0; i < chars.limit(); i++) {
                    if (chars.get(i) == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (r.isError()) {
                    return line;
                }
                bytes.compact();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Decodes bytes strictly; null when they are not valid in {@code cs}. */
    public static String decodeOrNull(byte[] bytes, Charset cs) {
        try {
            CharBuffer cb = decoder(cs).decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
