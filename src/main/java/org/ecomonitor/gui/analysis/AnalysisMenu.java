package org.ecomonitor.gui.analysis;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.i18n.Messages;

/**
 * The window's Analysis menu: the noise-map tool and the layout wizard. Keeps one dialog of each kind (a second
 * click brings the open one to the front) for the window's life; the menu itself is rebuilt with the window's
 * menus (after a language change or a reload).
 */
public final class AnalysisMenu {

    private final MainWindow window;
    private final FileDialogs files;
    private NoiseMapDialog noiseMap;
    private LayoutWizard layoutWizard;

    public AnalysisMenu(MainWindow window, FileDialogs files) {
        this.window = window;
        this.files = files;
    }

    /** A new Analysis menu (in the current language). */
    public Menu menu() {
        Menu m = new Menu(Messages.get("gui.analysis.menu"));
        m.setId("menuAnalysis");
        MenuItem noise = new MenuItem(Messages.get("gui.analysis.noise_map"));
        noise.setId("menuNoiseMap");
        noise.setOnAction(e -> openNoiseMap());
        MenuItem layout = new MenuItem(Messages.get("gui.analysis.layout_wizard"));
        layout.setId("menuLayoutWizard");
        layout.setOnAction(e -> openLayoutWizard());
        m.getItems().addAll(noise, layout);
        return m;
    }

    /** Shows the noise-map tool (a new one after a language change, so that its texts follow). */
    public NoiseMapDialog openNoiseMap() {
        if (!ready()) {
            return null;
        }
        if (noiseMap == null || !noiseMap.isShowing()) {
            noiseMap = new NoiseMapDialog(window, files);
        }
        noiseMap.show();
        noiseMap.toFront();
        return noiseMap;
    }

    /** Shows the layout wizard. */
    public LayoutWizard openLayoutWizard() {
        if (!ready()) {
            return null;
        }
        if (layoutWizard == null || !layoutWizard.isShowing()) {
            layoutWizard = new LayoutWizard(window, files);
        }
        layoutWizard.show();
        layoutWizard.toFront();
        return layoutWizard;
    }

    private boolean ready() {
        if (window.session() == null) {
            window.status().showMessage(Messages.get("gui.analysis.no_project"));
            return false;
        }
        return true;
    }
}
