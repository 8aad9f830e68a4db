package org.ecomonitor.server;

/**
 * Where a workstation stands in the change log: the last sequence number it has of stations, records and readings
 * (pulled in that order, so a reading's station is always there before it). Written {@code "s.g.r"}; the empty
 * cursor {@code "0.0.0"} pulls everything the user may see.
 */
public record PullCursor(long stations, long records, long readings) {

    public static final PullCursor START = new PullCursor(0, 0, 0);

    public static PullCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        String[] p = text.trim().split("\\.");
        if (p.length != 3) {
            throw new ApiException(400, "bad_cursor", "server.api.bad_cursor", text);
        }
        try {
            return new PullCursor(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad_cursor", "server.api.bad_cursor", text);
        }
    }

    @Override
    public String toString() {
        return stations + "." + records + "." + readings;
    }
}
