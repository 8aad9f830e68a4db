package org.ecomonitor.gui;

import java.util.Locale;

/**
 * Chooses JavaFX's headless platform (Monocle, software rendering) before the toolkit starts: always for
 * {@code --snapshot} (no window is needed), and for the window when there is no display (a Linux machine without
 * X11 or Wayland). With a display (Windows, macOS, X11, Xvfb) the window uses it. Explicit
 * {@code -Dglass.platform} settings win.
 */
public final class HeadlessPlatform {

    private HeadlessPlatform() {
    }

    /** True when this machine has no display JavaFX could use. */
    public static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return false;
        }
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Selects Monocle's headless platform when there is no display (call before the toolkit starts). */
    public static void chooseIfNeeded() {
        if (noDisplay()) {
            choose();
        }
    }

    /**
     * Selects Monocle's headless platform whatever the display (a snapshot needs no window, and so no GTK
     * libraries either); an explicit {@code -Dglass.platform} wins.
     */
    public static void choose() {
        if (System.getProperty("glass.platform") != null) {
            return;
        }
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, HeadlessPlatform.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}
