package org.ecomonitor.gui;

import java.nio.file.Path;

/**
 * What the window or a snapshot ended with, for the command line to report (only the CLI writes to the
 * standard streams).
 *
 * @param exitCode          0 ok, 1 error, 2 usage error
 * @param message           text to print (may be empty); on standard error when the exit code is not 0
 * @param snapshot          the PNG written, or null
 * @param firstFrameMillis  milliseconds from the JVM's start to the first complete frame, or -1
 */
public record LaunchResult(int exitCode, String message, Path snapshot, long firstFrameMillis) {

    public static LaunchResult ok() {
        return new LaunchResult(0, "", null, -1);
    }

    public static LaunchResult error(int code, String message) {
        return new LaunchResult(code, message, null, -1);
    }
}
