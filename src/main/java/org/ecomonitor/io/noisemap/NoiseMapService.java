package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.interpolation.EnergeticAverage;
import org.ecomonitor.analysis.interpolation.GridInterpolation;
import org.ecomonitor.analysis.interpolation.GridMask;
import org.ecomonitor.analysis.interpolation.InterpolatedGrid;
import org.ecomonitor.analysis.interpolation.InterpolatedPoints;
import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.analysis.noisemap.ContourProducts;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.analysis.standards.NoiseLimits;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.analysis.standards.NoiseZone;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.CrsGuess;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes noise maps (and maps of any other parameter) from a project store or a table of points. The map dialog
 * calls {@link #run} once, on a background thread, with the dialog's {@link NoiseMapRequest} and a progress that
 * the Cancel button cancels; then {@link NoiseMapStore#save} to show the result as layers, and
 * {@link NoiseMapExport} for files. The steps are public too, so the command line can stop early (cross-validation
 * only, predictions at points) and reuse them:
 * <ol>
 * <li>{@link #points}: the stations of the selection and their readings in the period, energy-averaged per
 * point for sound levels (arithmetic mean otherwise), in the working CRS;</li>
 * <li>{@link #fit}: the interpolation method for these points, with variogram and cross-validation;</li>
 * <li>{@link #map}: the grid (clipped), the isophone bands and lines, the HJ 640-2012 grade and the GB 3096-2008
 * zone shares;</li>
 * <li>{@link #predict}: estimates at given locations.</li>
 * </ol>
 * Errors are {@link UserException}s that say what, where and what to do; cancellation is
 * {@link org.ecomonitor.model.CancelledException}. Stateless and thread-safe; the store is used by the calling
 * thread only.
 */
public final class NoiseMapService {

    /** Attribute names that hold a zone's name, tried in order. */
    private static final List<String> NAME_COLUMNS = List.of("name", "名称", "zone_name", "NAME");

    /** The whole map from a store: {@link #points}, {@link #fit} and {@link #map}. */
    public NoiseMapResult run(ProjectStore store, NoiseMapRequest request, Progress progress) {
        MapPoints points = points(store, request.selection(), request.workingCrs(), progress);
        FittedInterpolation fit = fit(points, request.interpolation(), progress);
        return map(points, fit, request, store, progress);
    }

    /**
     * The selected stations with the (energy-)average of their valid readings in the period, in the working CRS.
     *
     * @param workingCrs a projected EPSG code, or null for the CGCS2000 Gauss-Krüger zone of the stations
     * @throws UserException when the parameter is unknown, no station is selected, or no station has a reading
     */
    public MapPoints points(ProjectStore store, StationSelection selection, Integer workingCrs, Progress progress) {
        String kind = selection.kind().code();
        // the kind's meaning first: "hg" at a soil point is soil_hg, not the water parameter hg
        Parameter parameter = store.parameters().resolve(selection.parameter(), selection.kind())
                .or(() -> store.parameters().get(selection.parameter()))
                .orElseThrow(() -> new UserException("noisemap.parameterUnknown", selection.parameter(), kind));
        List<InterpolationWarning> warnings = new ArrayList<>();
        List<Station> stations = new ArrayList<>(store.stations().ofKind(selection.kind()));
        if (stations.isEmpty()) {
            throw new UserException("noisemap.noStations", kind);
        }
        if (selection.survey() != null) {
            Set<String> surveys = new TreeSet<>();
            for (Station s : stations) {
                if (s.attribute(StationSelection.SURVEY_ATTRIBUTE) != null) {
                    surveys.add(s.attribute(StationSelection.SURVEY_ATTRIBUTE));
                }
            }
            if (surveys.isEmpty()) {
                warnings.add(InterpolationWarning.of("noisemap.surveyAttributeMissing", selection.survey(),
                        stations.size(), kind));
            } else {
                stations.removeIf(s -> !selection.survey().equalsIgnoreCase(s.attribute(StationSelection.SURVEY_ATTRIBUTE)));
                if (stations.isEmpty()) {
                    throw new UserException("noisemap.noSurveyStations", kind, selection.survey(),
                            String.join(", ", surveys));
                }
            }
        }
        boolean levels = isSoundLevel(selection.kind(), parameter);
        ReadingPeriod period = selection.period();
        progress.start("readings", stations.size());
        List<Station> used = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int withoutReadings = 0;
        long flagged = 0;
        double[] buffer = new double[16];
        for (int k = 0; k < stations.size(); k++) {
            progress.checkCancelled();
            Station s = stations.get(k);
            ZoneId zone = s.zone();
            long from = selection.from() == null ? Long.MIN_VALUE
                    : selection.from().atStartOfDay(zone).toInstant().toEpochMilli();
            long to = selection.to() == null ? Long.MAX_VALUE
                    : selection.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            ReadingSeries series = store.readings().series(s.code(), parameter.code(), from, to);
            int n = 0;
            for (int i = 0; i < series.size(); i++) {
                double v = series.values()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (!period.contains(Instant.ofEpochMilli(series.instants()[i]).atZone(zone).toLocalTime())) {
                    continue;
                }
                if (!series.flags()[i].isValid()) {
                    flagged++;
                    continue;
                }
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, 2 * n);
                }
                buffer[n++] = v;
            }
            if (n == 0) {
                withoutReadings++;
            } else {
                used.add(s);
                values.add(new double[]{levels ? EnergeticAverage.of(buffer, 0, n) : mean(buffer, n), n});
            }
            progress.update(k + 1);
        }
        if (used.isEmpty()) {
            throw new UserException("noisemap.noReadings", parameter.code(), kind, stations.size(),
                    period.name().toLowerCase(Locale.ROOT), dates(selection));
        }
        if (withoutReadings > 0) {
            warnings.add(InterpolationWarning.of("noisemap.stationsWithoutReadings", withoutReadings,
                    stations.size(), parameter.code(), period.name().toLowerCase(Locale.ROOT)));
        }
        if (flagged > 0) {
            warnings.add(InterpolationWarning.of("noisemap.readingsFlagged", flagged));
        }
        double meanLon = used.stream().mapToDouble(Station::longitude).average().orElseThrow();
        int crs = workingCrs != null ? workingCrs : Crs.cgcs2000GaussKruegerFor(meanLon);
        requireProjected(crs);
        CoordinateTransform t = CoordinateTransform.between(Crs.CGCS2000, crs);
        List<MapPoint> points = new ArrayList<>();
        double[] xy = new double[2];
        for (int i = 0; i < used.size(); i++) {
            Station s = used.get(i);
            t.apply(s.longitude(), s.latitude(), xy);
            points.add(new MapPoint(s.code(), xy[0], xy[1], values.get(i)[0], (int) values.get(i)[1]));
        }
        return new MapPoints(points, crs, Crs.CGCS2000, parameter.code(), parameter.unit(), levels,
                period.noisePeriod(), selection.survey(), warnings);
    }

    /**
     * The points of a table, in the working CRS.
     *
     * @param crs         EPSG code of the table's coordinates, or null to recognise longitude/latitude and
     *                    Gauss-Krüger coordinates from their ranges (a warning says so; other coordinates are
     *                    taken as metres of an unknown CRS)
     * @param soundLevels true when the values are sound levels in dB
     * @param period      the noise period of the values, or null
     * @param workingCrs  a projected EPSG code, or null: the table's CRS, or the Gauss-Krüger zone for longitudes
     */
    public MapPoints points(PointTable table, Integer crs, boolean soundLevels, NoisePeriod period,
                            Integer workingCrs) {
        List<InterpolationWarning> warnings = new ArrayList<>();
        int source = crs == null ? 0 : crs;
        if (crs == null) {
            double[] e = extent(table.x(), table.y());
            int guess = CrsGuess.guess(e[0], e[2], e[1], e[3], 108.9);
            if (guess > 0) {
                source = guess;
                warnings.add(InterpolationWarning.of("noisemap.crsGuessed", table.file(), Crs.displayName(guess)));
            } else {
                warnings.add(InterpolationWarning.of("noisemap.crsUnknown", table.file()));
            }
        }
        if (table.blank() > 0) {
            warnings.add(InterpolationWarning.of("noisemap.blankValues", table.file(), table.blank()));
        }
        int working = source;
        if (workingCrs != null) {
            working = workingCrs;
        } else if (source != 0 && Crs.isGeographic(source)) {
            double lon = Arrays.stream(table.x()).average().orElseThrow();
            working = Crs.cgcs2000GaussKruegerFor(lon);
        }
        if (working != 0) {
            requireProjected(working);
        }
        if (working != source && source == 0) {
            throw new UserException("noisemap.crsNeeded", table.file(), Crs.displayName(working));
        }
        CoordinateTransform t = working == source ? null : CoordinateTransform.between(source, working);
        List<MapPoint> points = new ArrayList<>();
        double[] xy = new double[2];
        for (int i = 0; i < table.size(); i++) {
            xy[0] = table.x()[i];
            xy[1] = table.y()[i];
            if (t != null) {
                t.apply(table.x()[i], table.y()[i], xy);
            }
            points.add(new MapPoint(table.ids().get(i), xy[0], xy[1], table.values()[i], 1));
        }
        return new MapPoints(points, working, source,
                table.valueColumn() == null ? "value" : table.valueColumn(), soundLevels ? "dB" : "", soundLevels, period, null,
                warnings);
    }

    /** The interpolation method for the points ({@link FittedInterpolation#build}). */
    public FittedInterpolation fit(MapPoints points, InterpolationSettings settings, Progress progress) {
        return FittedInterpolation.build(points.samples(settings.transform()), settings, progress);
    }

    /**
     * The map: the grid over the request's extent (or the clip area's, or the points'), clipped; bands and lines;
     * the HJ 640-2012 grade and the GB 3096-2008 zone shares for sound levels of a period.
     *
     * @param store the store clip and zone layers are read from, or null (then they must be files)
     */
    public NoiseMapResult map(MapPoints points, FittedInterpolation fit, NoiseMapRequest request, ProjectStore store,
                              Progress progress) {
        int crs = points.crs();
        List<InterpolationWarning> warnings = new ArrayList<>(points.warnings());
        Geometry clip = null;
        if (request.clip() != null) {
            clip = polygons(store, request.clip(), crs);
        }
        double cs = request.cellSize();
        GridSpec grid;
        if (request.extent() != null) {
            double[] e = request.extent();
            if (e.length != 4) {
                throw new UserException("interpolation.extentInvalid", e.length > 0 ? e[0] : "", e.length > 1 ? e[1] : "",
                        e.length > 2 ? e[2] : "", e.length > 3 ? e[3] : "");
            }
            grid = GridInterpolation.grid(e[0], e[1], e[2], e[3], cs);
        } else {
            double[] e;
            if (clip != null) {
                Envelope env = clip.getEnvelopeInternal();
                e = new double[]{env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()};
            } else {
                e = points.extent();
            }
            if (!(cs > 0) || !Double.isFinite(cs)) {
                throw new UserException("interpolation.cellSizeInvalid", cs);
            }
            double minX = Math.floor(e[0] / cs) * cs;
            double minY = Math.floor(e[1] / cs) * cs;
            double maxX = Math.max(minX + cs, Math.ceil(e[2] / cs) * cs);
            double maxY = Math.max(minY + cs, Math.ceil(e[3] / cs) * cs);
            grid = GridInterpolation.grid(minX, minY, maxX, maxY, cs);
        }
        GridMask mask = null;
        if (clip != null) {
            mask = GridMask.inside(grid, clip);
            if (mask.count() == 0) {
                throw new UserException("noisemap.clipOutsideGrid", request.clip().describe());
            }
        }
        progress.checkCancelled();
        InterpolatedGrid result = GridInterpolation.run(fit.interpolator(), grid, mask, progress);
        warnings.addAll(result.warnings());

        BandClassification classes;
        if (request.levels() != null) {
            classes = points.soundLevels() ? BandClassification.noise(request.levels())
                    : BandClassification.sequential(request.levels());
        } else if (points.soundLevels()) {
            classes = BandClassification.noiseEvery(Double.isNaN(request.step()) ? 5 : request.step());
        } else if (Double.isNaN(request.step())
                && fit.samples().transform() == org.ecomonitor.analysis.interpolation.ValueTransform.LOG) {
            classes = BandClassification.valuesOneTwoFive(result.values());
        } else {
            classes = BandClassification.valuesEvery(result.values(), request.step());
        }
        ContourProducts contours = ContourProducts.compute(grid, result.values(), classes, crs, progress);

        NoisePeriod period = points.period();
        NoiseGrading.Result grade = null;
        if (points.soundLevels() && period != null && !"road_traffic".equalsIgnoreCase(points.survey())) {
            grade = NoiseGrading.regional(period, points.values());
            if (!grade.enoughPoints()) {
                warnings.add(InterpolationWarning.of("noisemap.gradeFewPoints", grade.points(),
                        NoiseGrading.MIN_GRID_POINTS));
            }
        }

        List<ZoneExceedance.Share> shares = List.of();
        LayerSource zones = request.zones();
        if (zones == null && store != null && points.soundLevels()
                && store.features().exists(NoiseMapRequest.DEFAULT_ZONE_LAYER)) {
            zones = LayerSource.storeLayer(NoiseMapRequest.DEFAULT_ZONE_LAYER);
        }
        if (zones != null) {
            if (period == null) {
                warnings.add(InterpolationWarning.of("noisemap.zonesNeedPeriod", zones.describe()));
            } else {
                List<ZoneExceedance.Zone> list = zones(store, zones, request.zoneColumn(), crs, warnings);
                shares = ZoneExceedance.compute(grid, result.values(), list, period, progress);
            }
        }
        return new NoiseMapResult(points, fit, result, contours, grade, shares, warnings);
    }

    /**
     * Estimates at locations.
     *
     * @param crs EPSG code of the locations, or 0 when they are in the points' working CRS
     */
    public InterpolatedPoints predict(MapPoints points, FittedInterpolation fit, double[] x, double[] y, int crs,
                                      Progress progress) {
        double[] px = x;
        double[] py = y;
        if (crs != 0 && points.crs() != 0 && crs != points.crs()) {
            CoordinateTransform t = CoordinateTransform.between(crs, points.crs());
            px = new double[x.length];
            py = new double[y.length];
            double[] xy = new double[2];
            for (int i = 0; i < x.length; i++) {
                t.apply(x[i], y[i], xy);
                px[i] = xy[0];
                py[i] = xy[1];
            }
        }
        return GridInterpolation.atPoints(fit.interpolator(), px, py, progress);
    }

    /** The clip area: the layer's polygons in the working CRS. */
    private static Geometry polygons(ProjectStore store, LayerSource source, int crs) {
        VectorLayers.Loaded loaded = VectorLayers.load(store, source);
        List<Geometry> parts = new ArrayList<>();
        for (Feature f : loaded.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            if (!(g instanceof Polygonal)) {
                throw new UserException("interpolation.clipNotPolygonal", g.getGeometryType());
            }
            parts.add(toWorking(g, loaded.crs(), crs, source));
        }
        if (parts.isEmpty()) {
            throw new UserException("noisemap.layerEmpty", source.describe());
        }
        return new GeometryFactory().buildGeometry(parts);
    }

    private static List<ZoneExceedance.Zone> zones(ProjectStore store, LayerSource source, String column, int crs,
                                                   List<InterpolationWarning> warnings) {
        VectorLayers.Loaded loaded = VectorLayers.load(store, source);
        if (loaded.features().isEmpty()) {
            throw new UserException("noisemap.layerEmpty", source.describe());
        }
        boolean hasColumn = loaded.features().stream().anyMatch(f -> f.attributes().containsKey(column));
        if (!hasColumn) {
            throw new UserException("noisemap.zoneColumnMissing", source.describe(), column,
                    String.join(", ", loaded.features().get(0).attributes().keySet()));
        }
        List<ZoneExceedance.Zone> zones = new ArrayList<>();
        for (Feature f : loaded.features()) {
            String name = null;
            for (String c : NAME_COLUMNS) {
                if (f.getString(c) != null && !f.getString(c).isBlank()) {
                    name = f.getString(c);
                    break;
                }
            }
            name = name == null ? "#" + f.fid() : name;
            Object value = f.get(column);
            String code = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? String.valueOf(n.longValue()) : value == null ? "" : value.toString();
            NoiseZone zone;
            try {
                zone = NoiseLimits.zone(code);
            } catch (UserException e) {
                warnings.add(InterpolationWarning.of("noisemap.zoneClassUnknown", source.describe(), name, code));
                continue;
            }
            Geometry g = f.geometry();
            if (g == null || g.isEmpty() || !(g instanceof Polygonal)) {
                warnings.add(InterpolationWarning.of("noisemap.zoneNotPolygon", source.describe(), name));
                continue;
            }
            zones.add(new ZoneExceedance.Zone(name, zone, toWorking(g, loaded.crs(), crs, source)));
        }
        return zones;
    }

    private static Geometry toWorking(Geometry g, int layerCrs, int crs, LayerSource source) {
        if (layerCrs == 0 || layerCrs == crs) {
            return g;
        }
        if (crs == 0) {
            throw new UserException("noisemap.layerNeedsCrs", source.describe(), Crs.displayName(layerCrs));
        }
        return GeometryTransform.between(layerCrs, crs).apply(g);
    }

    private static void requireProjected(int crs) {
        if (Crs.isGeographic(crs)) {
            throw new UserException("noisemap.workingCrsGeographic", Crs.displayName(crs));
        }
    }

    static boolean isSoundLevel(StationKind kind, Parameter parameter) {
        String unit = parameter.unit() == null ? "" : parameter.unit().toLowerCase(Locale.ROOT);
        return unit.startsWith("db") || (kind == StationKind.NOISE && unit.isEmpty());
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    private static double[] extent(double[] x, double[] y) {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) {
            e[0] = Math.min(e[0], x[i]);
            e[1] = Math.min(e[1], y[i]);
            e[2] = Math.max(e[2], x[i]);
            e[3] = Math.max(e[3], y[i]);
        }
        return e;
    }

    private static String dates(StationSelection s) {
        if (s.from() == null && s.to() == null) {
            return "-";
        }
        return (s.from() == null ? "" : s.from().toString()) + " .. " + (s.to() == null ? "" : s.to().toString());
    }
}
