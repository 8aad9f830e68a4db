package org.ecomonitor.gui.map;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The selected features of the map: per layer id the fids. One selection for the whole window, shared by the
 * map (highlight, selection tools) and the attribute tables; {@link #revision()} changes on every change so views
 * can follow it. Used on the FX thread only.
 */
public final class Selection {

    private final Map<String, Set<Long>> byLayer = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

    /** Replaces the whole selection by these features of one layer. */
    public void select(String layerId, Collection<Long> fids) {
        byLayer.clear();
        if (!fids.isEmpty()) {
            byLayer.put(layerId, new LinkedHashSet<>(fids));
        }
        revision.set(revision.get() + 1);
    }

    /** Replaces the selection of one layer, keeping the others'. */
    public void replaceIn(String layerId, Collection<Long> fids) {
        if (fids.isEmpty()) {
            byLayer.remove(layerId);
        } else {
            byLayer.put(layerId, new LinkedHashSet<>(fids));
        }
        revision.set(revision.get() + 1);
    }

    /** Replaces the whole selection. */
    public void selectAll(Map<String, ? extends Collection<Long>> selection) {
        byLayer.clear();
        selection.forEach((k, v) -> {
            if (!v.isEmpty()) {
                byLayer.put(k, new LinkedHashSet<>(v));
            }
        });
        revision.set(revision.get() + 1);
    }

    public void clear() {
        if (!byLayer.isEmpty()) {
            byLayer.clear();
            revision.set(revision.get() + 1);
        }
    }

    /** The selected fids of a layer (empty when none). */
    public Set<Long> of(String layerId) {
        Set<Long> s = byLayer.get(layerId);
        return s == null ? Set.of() : java.util.Collections.unmodifiableSet(s);
    }

    public Map<String, Set<Long>> all() {
        return java.util.Collections.unmodifiableMap(byLayer);
    }

    public boolean isEmpty() {
        return byLayer.isEmpty();
    }

    public int count() {
        return byLayer.values().stream().mapToInt(Set::size).sum();
    }

    public ReadOnlyIntegerProperty revision() {
        return revision.getReadOnlyProperty();
    }
}
