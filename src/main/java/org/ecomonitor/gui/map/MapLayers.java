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
 * draws the reverse: other layers from the bottom up, then the stations. Lists are observed with their layers'
 * visibility, style and data, so one listener hears every change that needs a redraw.
 */
public final class MapLayers {

    private final ObservableList<VectorLayer> stations =
            FXCollections.observableArrayList(l -> new Observable[]{l.visibleProperty(), l.styleProperty(), l.dataProperty()});
    private final ObservableList<VectorLayer> others =
            FXCollections.observableArrayList(l -> new Observable[]{l.visibleProperty(), l.styleProperty(), l.dataProperty()});

    /** Station networks, top first. */
    public ObservableList<VectorLayer> stations() {
        return stations;
    }

    /** Other layers, top first. */
    public ObservableList<VectorLayer> others() {
        return others;
    }

    /** Every layer, top first (as the tree and the legend list them). */
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

    /** Replaces all layers (a project was opened or re-read). */
    public void setAll(List<VectorLayer> stationLayers, List<VectorLayer> otherLayers) {
        stations.setAll(stationLayers);
        others.setAll(otherLayers);
    }

    public void remove(VectorLayer layer) {
        stations.remove(layer);
        others.remove(layer);
    }

    /** Adds a listener that hears any change of order, visibility, style or data. */
    public void addListener(Runnable listener) {
        stations.addListener((Observable o) -> listener.run());
        others.addListener((Observable o) -> listener.run());
    }
}
