package org.ecomonitor.cli;

import org.ecomonitor.gui.Workstation;

/** Hands the window's options to the JavaFX application. */
final class WindowLauncher {
    private WindowLauncher() {
    }

    static int launch(String[] args) {
        return Workstation.launchWindow(args);
    }
}
