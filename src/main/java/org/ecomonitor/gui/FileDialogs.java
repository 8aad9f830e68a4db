package org.ecomonitor.gui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The file choosers of the window, behind an interface so tests can answer them (a native chooser cannot be
 * driven headless).
 */
public interface FileDialogs {

    /** Files to open, or an empty list when cancelled. */
    List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple);

    /** A file to write, or null when cancelled. */
    Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters);

    /** The platform's choosers. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.getExtensionFilters().setAll(filters);
            if (multiple) {
                List<File> files = c.showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }
            File f = c.showOpenDialog(owner);
            return f == null ? List.of() : List.of(f.toPath());
        }

        @Override
        public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.setInitialFileName(initialName);
            c.getExtensionFilters().setAll(filters);
            File f = c.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }
    };
}
