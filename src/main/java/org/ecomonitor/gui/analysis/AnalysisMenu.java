package org.ecomonitor.gui.analysis;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.i18n.Messages;

/**
 * The window's Analysis menu: the noise-map tool and the layout wizard. Keeps one dialog of each kind for the
 * window's life (a second click brings it to the front; closed and opened again it keeps its settings), made anew
 * after a language change so that its texts follow; the menu itself is rebuilt with the window's menus.
 */
public final class AnalysisMenu {

    private final MainWindow window;
    private final FileDialogs files;
    private NoiseMapDialog noiseMap;
    private LayoutWizard layoutWizard;
    private java.util.Locale noiseMapLocale;
    private java.util.Locale layoutLocale;

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
        if (noiseMap == null || (!noiseMap.isShowing() && !noiseMapLocale.equals(Messages.locale()))) {
            noiseMap = new NoiseMapDialog(window, files);
            noiseMapLocale = Messages.locale();
        } else if (!noiseMap.isShowing()) {
            noiseMap.loadLayers();
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
        if (layoutWizard == null || (!layoutWizard.isShowing() && !layoutLocale.equals(Messages.locale()))) {
            layoutWizard = new LayoutWizard(window, files);
            layoutLocale = Messages.locale();
        } else if (!layoutWizard.isShowing()) {
            layoutWizard.loadLayers();
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
