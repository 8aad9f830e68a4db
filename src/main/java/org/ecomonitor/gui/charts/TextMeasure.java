package org.ecomonitor.gui.charts;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.ecomonitor.gui.map.CjkFont;

/** Fonts of the charts (a family with Chinese characters) and the width of a text in them. */
final class TextMeasure {

    private TextMeasure() {
    }

    static Font font(double size, boolean bold) {
        return Font.font(CjkFont.family(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    static double width(String text, double size, boolean bold) {
        Text t = new Text(text);
        t.setFont(font(size, bold));
        return t.getLayoutBounds().getWidth();
    }
}
