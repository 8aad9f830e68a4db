package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Downloaded tiles on disk, one file per tile under {@code folder/z/x/y}, so an area seen once is there the next
 * time without a network. Written through a temporary file and a rename, so a half-written tile never appears.
 */
public final class TileCache {

    private final Path folder;

    public TileCache(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    private Path file(int z, long x, long y) {
        return folder.resolve(Integer.toString(z)).resolve(Long.toString(x)).resolve(Long.toString(y));
    }

    /** The cached bytes, or null. */
    public byte[] get(int z, long x, long y) {
        Path f = file(z, x, y);
        try {
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException e) {
            return null;
        }
    }

    public void put(int z, long x, long y, byte[] data) {
        Path f = file(z, x, y);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "tile", ".part");
            Files.write(tmp, data);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot be written only costs a download next time
        }
    }
}
