package org.ecomonitor.cli;

import org.ecomonitor.gui.LaunchResult;
import org.ecomonitor.gui.Workstation;

/**
 * Hands the window's options to the workstation and prints what it reports: for {@code --snapshot} the file and
 * the time to the first complete frame (as QGIS's --snapshot does), for errors the message on standard error.
 */
final class WindowLauncher {
    private WindowLauncher() {
    }

    static int launch(String[] args) {
        LaunchResult result = Workstation.launchWindow(args);
        if (result.message() != null && !result.message().isEmpty()) {
            if (result.exitCode() == 0) {
                System.out.println(result.message());
            } else {
                System.err.println("error: " + result.message());
            }
        }
        return result.exitCode();
    }
}
