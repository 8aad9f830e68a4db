package org.ecomonitor.gui;

import org.ecomonitor.gui.tiles.Basemap;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The user's settings, in {@code preferences.properties} of the {@link AppDirectories}: the last and recent
 * projects, the language, the basemap, the Tianditu key, a custom tile URL template and the MBTiles files used.
 * Saved at once on every change.
 */
public final class WorkstationPreferences {

    private static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    private WorkstationPreferences(Path file) {
        this.file = file;
    }

    /** Reads the file (an unreadable or missing file gives the defaults). */
    public static WorkstationPreferences load(Path file) {
        WorkstationPreferences p = new WorkstationPreferences(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                p.values.clear();
            }
        }
        return p;
    }

    public Path file() {
        return file;
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(w, "EcoMonitor Workstation preferences");
            }
        } catch (IOException e) {
            // preferences that cannot be saved are kept for this session
        }
    }

    private void set(String key, String value) {
        if (value == null || value.isEmpty()) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        save();
    }

    /** The project opened last, or null. */
    public Path lastProject() {
        String v = values.getProperty("project.last");
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    /** Records an opened project as the last and first of the recent ones. */
    public void projectOpened(Path project) {
        String p = project.toAbsolutePath().normalize().toString();
        List<String> recent = new ArrayList<>(recentStrings());
        recent.remove(p);
        recent.add(0, p);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        values.setProperty("project.recent", String.join("|", recent));
        set("project.last", p);
    }

    private List<String> recentStrings() {
        String v = values.getProperty("project.recent", "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split("\\|")).filter(s -> !s.isBlank()).toList();
    }

    public List<Path> recentProjects() {
        return recentStrings().stream().map(Path::of).toList();
    }

    /** "zh", "en" or null (follow the system). */
    public String language() {
        return values.getProperty("language");
    }

    public void setLanguage(String lang) {
        set("language", lang);
    }

    /** The chosen basemap; OpenStreetMap when none was chosen yet. */
    public Basemap basemap() {
        return Basemap.parse(values.getProperty("basemap"), Basemap.OSM);
    }

    public void setBasemap(Basemap b) {
        set("basemap", b.toText());
    }

    public String tiandituKey() {
        return values.getProperty("tianditu.key", "");
    }

    public void setTiandituKey(String key) {
        set("tianditu.key", key == null ? "" : key.trim());
    }

    public String customTemplate() {
        return values.getProperty("tiles.custom", "");
    }

    public void setCustomTemplate(String template) {
        set("tiles.custom", template == null ? "" : template.trim());
    }

    /** MBTiles files the user opened, newest first. */
    public List<Path> mbtilesFiles() {
        String v = values.getProperty("tiles.mbtiles", "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split("\\|")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    public void addMbtilesFile(Path f) {
        List<String> list = new ArrayList<>(mbtilesFiles().stream().map(Path::toString).toList());
        String s = f.toAbsolutePath().toString();
        list.remove(s);
        list.add(0, s);
        set("tiles.mbtiles", String.join("|", list.subList(0, Math.min(list.size(), MAX_RECENT))));
    }
}
