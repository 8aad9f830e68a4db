package org.ecomonitor.gui.map;

import javafx.scene.input.MouseEvent;

/**
 * A tool a dialog lends the map for a while, such as the planned-points editor (drag a point to move it, click
 * to add or delete one). While it is set ({@link MapPane#interactionProperty()}), it sees the map's mouse
 * presses, drags, releases and clicks before the built-in tools and before panning; an event it handles
 * (returns true for) is consumed. Coordinates are the map's pixels, as {@link MapViewport} takes them.
 */
public interface MapInteraction {

    boolean pressed(MouseEvent e);

    boolean dragged(MouseEvent e);

    boolean released(MouseEvent e);

    boolean clicked(MouseEvent e);
}
