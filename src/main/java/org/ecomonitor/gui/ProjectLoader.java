package org.ecomonitor.gui;

import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.ProjectedLayer;
import org.ecomonitor.gui.map.StyleFiles;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a project's vector layers for the map (on the store's thread): the {@code stations} table split into one
 * layer per station kind, and every other feature table as one layer, each with its style from the
 * {@link StyleFiles}. Other layers come top first: imported layers, rivers, administrative areas.
 */
public final class ProjectLoader {

    /** The layers of a project: station networks and other layers, each top first. */
    public record Layers(List<VectorLayer> stations, List<VectorLayer> others) {
    }

    private ProjectLoader() {
    }

    public static Layers load(ProjectStore store, StyleFiles styles) {
        List<VectorLayer> stations = new ArrayList<>();
        List<VectorLayer> imported = new ArrayList<>();
        VectorLayer rivers = null, admin = null;
        for (LayerInfo info : store.features().list()) {
            if (info.table().equals(VectorLayer.STATIONS)) {
                Map<StationKind, List<Feature>> byKind = new EnumMap<>(StationKind.class);
                store.features().forEach(info.table(), f -> {
                    StationKind k = StationKind.parse(f.getString("kind"));
                    byKind.computeIfAbsent(k == null ? StationKind.ECOLOGY : k, x -> new ArrayList<>()).add(f);
                });
                byKind.forEach((kind, features) -> stations.add(new VectorLayer(info, kind, null,
                        ProjectedLayer.of(features, info.srsId(), GeometryFamily.POINT),
                        styles.load(kind.code(), GeometryFamily.POINT))));
                continue;
            }
            if (info.featureCount() == 0 && !info.table().equals("rivers") && !info.table().equals("admin_areas")) {
                continue;
            }
            GeometryFamily family = GeometryFamily.of(info.geometryType());
            List<Feature> features = store.features().readAll(info.table());
            LayerStyle style = styles.load(info.table(), family);
            VectorLayer layer = new VectorLayer(info, null, info.title(), ProjectedLayer.of(features, info.srsId(), family), style);
            switch (info.table()) {
                case "rivers" -> rivers = layer;
                case "admin_areas" -> admin = layer;
                default -> imported.add(0, layer);
            }
        }
        List<VectorLayer> others = new ArrayList<>(imported);
        if (rivers != null && rivers.data().size() > 0) {
            others.add(rivers);
        }
        if (admin != null && admin.data().size() > 0) {
            others.add(admin);
        }
        return new Layers(stations, others);
    }
}
