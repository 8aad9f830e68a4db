package org.ecomonitor.gui.layers;

import org.ecomonitor.gui.tiles.Basemap;

/** A background the layer tree offers: its name and what it is. */
public record BasemapEntry(String title, Basemap basemap) {
}
