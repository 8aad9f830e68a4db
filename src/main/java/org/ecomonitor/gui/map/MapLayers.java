package org.ecomonitor.gui.map;

import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vector layers of the open project in the order the layer tree shows them: the station networks (one
 * layer per kind) above the other layers (admin areas, rivers, imported layers), each list top first. The map
 * draws the reverse: other layers from the bottom up, then the stations. Below all vector layers lie the
 * {@link RasterLayer}s of analyses (noise maps), also top first. Lists are observed with their layers'
 * visibility, style and data, so one listener hears every change that needs a redraw.
 * <p>
 * Session layers ({@link VectorLayer#isSession()}: a layout preview, planned points being edited) and rasters
 * are not tables of the store: re-reading the project's layers ({@link #setAll}) keeps them, opening another
 * project ({@link #clear}) drops them.
 */
public final class MapLayers {

    private final ObservableList<VectorLayer> stations =
            FXCollections.observableArrayList(l -> new Observable[]{l.visibleProperty(), l.styleProperty(), l.dataProperty()});
    private final ObservableList<VectorLayer> others =
            FXCollections.observableArrayList(l -> new Observable[]{l.visibleProperty(), l.styleProperty(), l.dataProperty()});
    private final ObservableList<RasterLayer> rasters =
            FXCollections.observableArrayList(r -> new Observable[]{r.visibleProperty(), r.opacityProperty()});

    /** Station networks, top first. */
    public ObservableList<VectorLayer> stations() {
        return stations;
    }

    /** Other layers, top first. */
    public ObservableList<VectorLayer> others() {
        return others;
    }

    /** Raster layers (drawn under every vector layer), top first. */
    public ObservableList<RasterLayer> rasters() {
        return rasters;
    }

    /** The visible rasters, top first. */
    public List<RasterLayer> visibleRasters() {
        return rasters.stream().filter(RasterLayer::isVisible).toList();
    }

    /** Every vector layer, top first (as the tree and the legend list them). */
    public List<VectorLayer> topFirst() {
        List<VectorLayer> all = new ArrayList<>(stations);
        all.addAll(others);
        return all;
    }

    /** Every layer in drawing order (bottom first). */
    public List<VectorLayer> drawOrder() {
        List<VectorLayer> all = topFirst();
        java.util.Collections.reverse(all);
        return all;
    }

    /** The visible layers, top first. */
    public List<VectorLayer> visibleTopFirst() {
        return topFirst().stream().filter(VectorLayer::isVisible).toList();
    }

    public Optional<VectorLayer> byId(String id) {
        return topFirst().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Replaces the project's layers (they were read again); session layers stay on top of the others, rasters stay. */
    public void setAll(List<VectorLayer> stationLayers, List<VectorLayer> otherLayers) {
        List<VectorLayer> kept = new ArrayList<>(others.stream().filter(VectorLayer::isSession).toList());
        kept.addAll(otherLayers);
        stations.setAll(stationLayers);
        others.setAll(kept);
    }

    /** Removes every layer, session layers and rasters too (another project is opened). */
    public void clear() {
        stations.clear();
        others.clear();
        rasters.clear();
    }

    /** Puts a session layer on top of the other layers, in place of one with the same id. */
    public void addSession(VectorLayer layer) {
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i).id().equals(layer.id())) {
                others.set(i, layer);
                return;
            }
        }
        others.add(0, layer);
    }

    /** Puts a raster on top of the rasters, in place of one with the same id. */
    public void addRaster(RasterLayer layer) {
        for (int i = 0; i < rasters.size(); i++) {
            if (rasters.get(i).id().equals(layer.id())) {
                rasters.set(i, layer);
                return;
            }
        }
        rasters.add(0, layer);
    }

    public void remove(VectorLayer layer) {
        stations.remove(layer);
        others.remove(layer);
    }

    /** Adds a listener that hears any change of order, visibility, style or data. */
    public void addListener(Runnable listener) {
        stations.addListener((Observable o) -> listener.run());
        others.addListener((Observable o) -> listener.run());
        rasters.addListener((Observable o) -> listener.run());
    }
}
