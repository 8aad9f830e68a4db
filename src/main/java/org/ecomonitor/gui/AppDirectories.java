package org.ecomonitor.gui;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the workstation keeps its own files: the preferences, the sample project, the user's layer styles and
 * the tile cache. {@code %APPDATA%\EcoMonitor} on Windows, {@code $XDG_DATA_HOME/ecomonitor} or
 * {@code ~/.local/share/ecomonitor} elsewhere; the system property {@code ecomonitor.home} or the environment
 * variable {@code ECOMONITOR_HOME} overrides it (tests use a temporary folder).
 */
public record AppDirectories(Path home) {

    public static final String HOME_PROPERTY = "ecomonitor.home";
    public static final String HOME_ENV = "ECOMONITOR_HOME";

    /** The folder for this user on this system. */
    public static AppDirectories forUser() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(HOME_ENV);
        }
        if (override != null && !override.isBlank()) {
            return new AppDirectories(Path.of(override));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return new AppDirectories((appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming")).resolve("EcoMonitor"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new AppDirectories(base.resolve("ecomonitor"));
    }

    public Path preferencesFile() {
        return home.resolve("preferences.properties");
    }

    /** Where the Tongren sample project is created on first start. */
    public Path sampleProject() {
        return home.resolve("projects").resolve("tongren.gpkg");
    }

    /** The user's layer styles (the style dialog saves here). */
    public Path styles() {
        return home.resolve("styles").resolve("layers");
    }

    public Path tileCache() {
        return home.resolve("tile-cache");
    }

    /** Where downloaded offline areas go by default. */
    public Path offlineTiles() {
        return home.resolve("offline");
    }
}
