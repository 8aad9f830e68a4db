package org.ecomonitor.gui;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The window's options, the user's folders and preferences. */
class WindowOptionsTest {

    @TempDir
    Path dir;

    @Test
    void optionsAreParsedInBothSpellings() {
        WindowOptions o = WindowOptions.parse("--store", "a.gpkg", "--snapshot=out.png", "--width", "800", "--height=600",
                "--bbox", "109.1,27.6,109.3,27.8", "--lang", "zh");
        assertEquals(Path.of("a.gpkg"), o.store());
        assertEquals(Path.of("out.png"), o.snapshot());
        assertEquals(800, o.width());
        assertEquals(600, o.height());
        assertArrayEquals(new double[]{109.1, 27.6, 109.3, 27.8}, o.bbox());
        assertEquals(Locale.SIMPLIFIED_CHINESE, o.language());
        WindowOptions none = WindowOptions.parse();
        assertNull(none.store());
        assertEquals(1600, none.width());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("gui.options.bad_bbox", assertThrows(UserException.class, () -> WindowOptions.parse("--bbox", "1,2,3")).key());
        assertEquals("gui.options.bad_bbox", assertThrows(UserException.class, () -> WindowOptions.parse("--bbox", "3,2,1,4")).key());
        assertEquals("gui.options.bad_size", assertThrows(UserException.class, () -> WindowOptions.parse("--width", "x")).key());
        assertEquals("gui.options.bad_lang", assertThrows(UserException.class, () -> WindowOptions.parse("--lang", "fr")).key());
        assertEquals("gui.options.missing_value", assertThrows(UserException.class, () -> WindowOptions.parse("--store")).key());
        assertEquals("gui.options.snapshot_needs_store", assertThrows(UserException.class, () -> WindowOptions.parse("--snapshot", "a.png")).key());
        assertEquals("gui.options.unknown", assertThrows(UserException.class, () -> WindowOptions.parse("--colour", "red")).key());
    }

    @Test
    void theHomeFolderCanBeOverriddenAndHoldsEverything() {
        String before = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, dir.toString());
        try {
            AppDirectories d = AppDirectories.forUser();
            assertEquals(dir, d.home());
            assertEquals(dir.resolve("projects").resolve("tongren.gpkg"), d.sampleProject());
        } finally {
            if (before == null) {
                System.clearProperty(AppDirectories.HOME_PROPERTY);
            } else {
                System.setProperty(AppDirectories.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void preferencesRememberRecentProjectsNewestFirst() {
        Path file = dir.resolve("preferences.properties");
        WorkstationPreferences p = WorkstationPreferences.load(file);
        p.projectOpened(dir.resolve("a.gpkg"));
        p.projectOpened(dir.resolve("b.gpkg"));
        p.projectOpened(dir.resolve("a.gpkg"));
        p.setLanguage("zh");
        WorkstationPreferences again = WorkstationPreferences.load(file);
        assertEquals(List.of(dir.resolve("a.gpkg"), dir.resolve("b.gpkg")), again.recentProjects());
        assertEquals(dir.resolve("a.gpkg"), again.lastProject());
        assertEquals("zh", again.language());
    }
}
