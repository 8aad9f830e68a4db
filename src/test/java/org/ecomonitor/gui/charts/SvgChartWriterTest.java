package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SVG writer produces well-formed SVG with escaped Chinese text, polylines and clip groups. */
class SvgChartWriterTest {

    @Test
    void writesWellFormedSvg() throws Exception {
        SvgChartWriter w = new SvgChartWriter(300, 200);
        w.setStroke(Color.web("#1f77b4"), 1.5, 4, 2);
        w.clip(10, 10, 280, 180);
        w.polyline(new double[]{10, 50, 90}, new double[]{100, 20.125, 80}, 3);
        w.unclip();
        w.text("碧江 <PM2.5> & \"x\"", 20, 30, ChartCanvas.Anchor.MIDDLE, 11, true, Color.BLACK, -90);
        w.setFill(Color.web("#ff7e00", 0.5));
        w.fillCircle(5, 5, 2);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(w.toSvg().getBytes(StandardCharsets.UTF_8)));
        Element poly = (Element) doc.getElementsByTagName("polyline").item(0);
        assertEquals("10,100 50,20.13 90,80", poly.getAttribute("points"));
        assertEquals("4,2", poly.getAttribute("stroke-dasharray"));
        assertEquals("碧江 <PM2.5> & \"x\"", doc.getElementsByTagName("text").item(0).getTextContent());
        assertEquals("0.5", ((Element) doc.getElementsByTagName("circle").item(0)).getAttribute("fill-opacity"));
        assertEquals(1, doc.getElementsByTagName("clipPath").getLength());
    }
}
