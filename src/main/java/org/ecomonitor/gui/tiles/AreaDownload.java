package org.ecomonitor.gui.tiles;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.Progress;

import java.io.IOException;
import java.nio.file.Path;

/**
 * "Download this area for offline use": every tile of a {@link TileRange} from an online source into an MBTiles
 * file, with progress and cancellation, refusing more than {@link #MAX_TILES} tiles (tile servers' usage policies
 * forbid bulk downloads; a county at zoom 8-15 is a few thousand tiles). Tiles the server does not have are
 * skipped; a failed tile is retried once and then counted as failed.
 */
public final class AreaDownload {

    public static final long MAX_TILES = 20_000;

    /** What a download did. */
    public record Result(long written, long missing, long failed) {
    }

    private final TileSource source;

    public AreaDownload(TileSource source) {
        this.source = source;
    }

    public Result run(TileRange range, Path target, String name, Progress progress) {
        long total = range.count();
        if (total > MAX_TILES) {
            throw new UserException("gui.download.too_many", total, MAX_TILES);
        }
        long[] counts = new long[3];
        try (MbtilesWriter writer = new MbtilesWriter(target, name,
                new double[]{range.minLon(), range.minLat(), range.maxLon(), range.maxLat()}, range.minZoom(), range.maxZoom())) {
            progress.start(name, total);
            long[] done = {0};
            range.forEach(t -> {
                progress.checkCancelled();
                int z = (int) t[0];
                byte[] data = fetch(z, t[1], t[2], counts);
                if (data != null) {
                    try {
                        writer.add(z, t[1], t[2], data);
                        counts[0]++;
                    } catch (IOException e) {
                        throw new UserException(e, "gui.download.write_failed", target, e.getMessage());
                    }
                }
                progress.update(++done[0]);
            });
            writer.finish();
        } catch (IOException e) {
            throw new UserException(e, "gui.download.write_failed", target, e.getMessage());
        } catch (CancelledException e) {
            throw e;
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private byte[] fetch(int z, long x, long y, long[] counts) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                byte[] data = source.tile(z, x, y);
                if (data == null) {
                    counts[1]++;
                }
                return data;
            } catch (IOException e) {
                if (attempt == 1) {
                    counts[2]++;
                }
            }
        }
        return null;
    }
}
