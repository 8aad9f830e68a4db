package org.ecomonitor.gui;

import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.Mercator;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.StyleFiles;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --snapshot}: the PNG shows each station in its style's colour at its position (categorised by level for
 * air stations), and the command line writes it headless, printing the time to the first complete frame.
 */
class SnapshotTest {

    @TempDir
    static Path folder;
    static Path store;

    @BeforeAll
    static void setUp() throws Exception {
        GuiTestSupport.init();
        FxToolkit.registerPrimaryStage();
        store = SmallProject.create(folder.resolve("project"));
    }

    private static int rgbAt(BufferedImage img, MapViewport vp, double[] lonLat) {
        int x = (int) Math.round(vp.screenX(Mercator.x(lonLat[0])));
        int y = (int) Math.round(vp.screenY(Mercator.y(lonLat[1])));
        return img.getRGB(x, y);
    }

    private static int rgb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void stationsAppearInTheirStyleColoursAtTheirPositions() throws Exception {
        Messages.setLocale(Messages.ENGLISH);
        AppDirectories dirs = new AppDirectories(folder.resolve("home"));
        Path out = folder.resolve("snap.png");
        double[] b = SmallProject.BBOX;
        MapSnapshot.Result r = MapSnapshot.render(store, out, 900, 640, b, Basemap.NONE, dirs);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(640, img.getHeight());
        StyleFiles styles = new StyleFiles(dirs.styles());
        LayerStyle air = styles.load("air", GeometryFamily.POINT);
        LayerStyle water = styles.load("surface_water", GeometryFamily.POINT);
        LayerStyle source = styles.load("pollution_source", GeometryFamily.POINT);
        MapViewport vp = r.viewport();
        assertEquals(rgb(air.fillFor("国控")), rgbAt(img, vp, SmallProject.A1), "national air station");
        assertEquals(rgb(air.fillFor("省控")), rgbAt(img, vp, SmallProject.A2), "provincial air station");
        assertTrue(air.fillFor("国控") != air.fillFor("省控"));
        assertEquals(rgb(water.fill()), rgbAt(img, vp, SmallProject.W1), "surface-water section");
        assertEquals(rgb(source.fill()), rgbAt(img, vp, SmallProject.P1), "pollution source");
        // the county polygon is filled around the stations, the legend box in the lower right corner is white-ish
        int beside = rgbAt(img, vp, new double[]{SmallProject.A1[0] + 0.02, SmallProject.A1[1] - 0.03});
        assertTrue(beside != rgb(air.fillFor("国控")));
        assertTrue(r.firstFrameMillis() > 0);
        assertEquals(5, r.layers());
    }

    @Test
    void theCommandLineWritesASnapshotHeadlessAndPrintsTheFirstFrameTime() throws Exception {
        Path out = folder.resolve("cli.png");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Decomonitor.home=" + folder.resolve("cli-home"),
                "-Decomonitor.basemap=none", "-Decomonitor.offline=true", "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED",
                "org.ecomonitor.cli.Main", "--store", store.toString(), "--snapshot", out.toString(),
                "--width", "640", "--height", "400", "--bbox", "109.08,27.64,109.28,27.80", "--lang", "en"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        p.getInputStream().transferTo(output);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = output.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("first complete frame"), text);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertTrue(Files.size(out) > 1000);
    }

    @Test
    void aMissingStoreIsAUsageErrorWithAMessage() {
        LaunchResult r = Workstation.launchWindow(new String[]{"--snapshot", "x.png"});
        assertEquals(2, r.exitCode());
        assertTrue(r.message().contains("--store"), r.message());
    }
}
