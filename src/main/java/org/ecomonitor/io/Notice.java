package org.ecomonitor.io;

import java.util.Arrays;
import java.util.List;

/** A warning an import gives about a whole file (a guessed CRS, an encoding, values below detection limits). */
public record Notice(String file, String key, List<String> args) {
    public static Notice of(String file, String key, Object... args) {
        return new Notice(file, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
