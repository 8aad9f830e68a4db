package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.contour.IsoBand;
import org.ecomonitor.analysis.contour.IsoLine;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vector product of a map as a layer: its name, geometry type, columns and features, in the map's working
 * CRS. The band layer has one MULTIPOLYGON per non-empty band with the columns {@code band} (class index from
 * 0), {@code lower} and {@code upper} (dB or the value's unit; NULL for the open ends), {@code label} ("55-60"),
 * {@code colour} ("#FF8C28", what QGIS takes as a data-defined fill colour), {@code colour_nm} (the colour's name
 * in the scheme) and {@code area_m2}; the line layer one MULTILINESTRING per crossed level with {@code level},
 * {@code label} and {@code length_m}. Column names fit a shapefile's ten characters.
 *
 * @param name         the layer's name (the table name in a GeoPackage)
 * @param geometryType MULTIPOLYGON or MULTILINESTRING
 * @param columns      attribute columns
 * @param features     the features
 * @param crs          EPSG code of the coordinates, 0 when unknown
 */
public record MapLayer(String name, String geometryType, List<LayerInfo.Column> columns, List<Feature> features,
                       int crs) {

    public MapLayer {
        columns = List.copyOf(columns);
        features = List.copyOf(features);
    }

    static final List<LayerInfo.Column> BAND_COLUMNS = List.of(new LayerInfo.Column("band", "INTEGER"),
            new LayerInfo.Column("lower", "REAL"), new LayerInfo.Column("upper", "REAL"),
            new LayerInfo.Column("label", "TEXT"), new LayerInfo.Column("colour", "TEXT"),
            new LayerInfo.Column("colour_nm", "TEXT"), new LayerInfo.Column("area_m2", "REAL"));

    static final List<LayerInfo.Column> LINE_COLUMNS = List.of(new LayerInfo.Column("level", "REAL"),
            new LayerInfo.Column("label", "TEXT"), new LayerInfo.Column("length_m", "REAL"));

    /** The isophone bands of a map (empty bands left out). */
    public static MapLayer bands(NoiseMapResult result, String name) {
        GeometryFactory factory = new GeometryFactory();
        List<Feature> features = new ArrayList<>();
        List<IsoBand> bands = result.bands();
        for (int i = 0; i < bands.size(); i++) {
            IsoBand b = bands.get(i);
            if (b.geometry().isEmpty()) {
                continue;
            }
            BandClassification.Band c = result.classes().bands().get(i);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("band", (long) c.index());
            a.put("lower", Double.isInfinite(c.lower()) ? null : c.lower());
            a.put("upper", Double.isInfinite(c.upper()) ? null : c.upper());
            a.put("label", c.label());
            a.put("colour", c.hex());
            a.put("colour_nm", c.colourName());
            a.put("area_m2", b.geometry().getArea());
            features.add(new Feature(features.size() + 1, multiPolygon(b.geometry(), factory), a));
        }
        return new MapLayer(name, "MULTIPOLYGON", BAND_COLUMNS, features, result.crs());
    }

    /** The isophones of a map (levels that are not crossed left out). */
    public static MapLayer lines(NoiseMapResult result, String name) {
        List<Feature> features = new ArrayList<>();
        for (IsoLine l : result.lines()) {
            if (l.geometry().isEmpty()) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("level", l.level());
            a.put("label", number(l.level()));
            a.put("length_m", l.geometry().getLength());
            features.add(new Feature(features.size() + 1, l.geometry(), a));
        }
        return new MapLayer(name, "MULTILINESTRING", LINE_COLUMNS, features, result.crs());
    }

    /**
     * The layer in another CRS (for a map view in longitude/latitude: {@code transformedTo(4490)}), vertex by
     * vertex; the same layer when the CRS is already that one.
     *
     * @throws org.ecomonitor.i18n.UserException when the layer's CRS is unknown
     */
    public MapLayer transformedTo(int epsg) {
        if (epsg == crs) {
            return this;
        }
        if (crs == 0) {
            throw new org.ecomonitor.i18n.UserException("noisemap.saveNeedsCrs", name);
        }
        org.ecomonitor.geo.GeometryTransform t = org.ecomonitor.geo.GeometryTransform.between(crs, epsg);
        List<Feature> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(new Feature(f.fid(), t.apply(f.geometry()), f.attributes()));
        }
        return new MapLayer(name, geometryType, columns, out, epsg);
    }

    static Geometry multiPolygon(Geometry g, GeometryFactory factory) {
        if (g instanceof MultiPolygon) {
            return g;
        }
        if (g instanceof Polygon p) {
            return factory.createMultiPolygon(new Polygon[]{p});
        }
        return g;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
