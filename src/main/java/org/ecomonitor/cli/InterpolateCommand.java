package org.ecomonitor.cli;

import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.InterpolatedPoints;
import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.interpolation.Neighbourhood;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.noisemap.LayerSource;
import org.ecomonitor.io.noisemap.MapPoints;
import org.ecomonitor.io.noisemap.MapReportCsv;
import org.ecomonitor.io.noisemap.NoiseMapExport;
import org.ecomonitor.io.noisemap.NoiseMapRequest;
import org.ecomonitor.io.noisemap.NoiseMapResult;
import org.ecomonitor.io.noisemap.NoiseMapService;
import org.ecomonitor.io.noisemap.NoiseMapStore;
import org.ecomonitor.io.noisemap.PointTable;
import org.ecomonitor.io.noisemap.ReadingPeriod;
import org.ecomonitor.io.noisemap.StationSelection;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code interpolate}: a noise map (or a map of any parameter) from a project store's stations or from a table of
 * points, by IDW, ordinary kriging or the automatic choice; writes the grid (GeoTIFF, ASCII grid, PNG), the
 * kriging variance, isophone bands and lines, the variogram and cross-validation tables, predictions at given
 * points, and saves the map into the store; prints the cross-validation, the HJ 640-2012 grade and the GB
 * 3096-2008 zone shares. Exit 0 done, 1 error, 2 usage error.
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Interpolate points to a grid: noise maps with isophone bands and lines, HJ 640-2012 grade and "
                + "GB 3096-2008 zone shares, or maps of any parameter.",
                "Input: --store S.gpkg (stations and readings) or --points FILE --x COL --y COL --value COL."},
        footer = {"", "Examples:",
                "  interpolate --store tongren.gpkg --period day --grid-cell 50 --clip bijiang_built_up_area "
                        + "--out day.tif --bands day_bands.gpkg --contours day_lines.gpkg --cv",
                "  interpolate --points meuse.csv --x x --y y --value zinc --log --method ok --model Sph "
                        + "--nugget 0.0507 --psill 0.591 --range 897 --at grid.csv --out predictions.csv"})
final class InterpolateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "S.gpkg", description = "Project store to read the stations and readings from.")
    Path store;

    @Option(names = "--kind", paramLabel = "KIND", description = "Station kind (default noise).")
    String kind;

    @Option(names = "--parameter", paramLabel = "CODE", description = "Parameter (default leq for noise, e.g. soil_hg).")
    String parameter;

    @Option(names = "--period", paramLabel = "day|night|all",
            description = "Readings of the GB 3096 day (06-22) or night (22-06), or all (default day for noise).")
    String period;

    @Option(names = "--survey", paramLabel = "NAME",
            description = "Stations whose survey attribute is NAME (default regional for noise; 'all' for every one).")
    String survey;

    @Option(names = "--from", paramLabel = "DATE", description = "First local date of the readings (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last local date of the readings (yyyy-mm-dd).")
    LocalDate to;

    @Option(names = "--points", paramLabel = "FILE", description = "CSV or XLSX table of points instead of a store.")
    Path points;

    @Option(names = "--x", paramLabel = "COL", description = "Column of x (easting or longitude).")
    String xColumn;

    @Option(names = "--y", paramLabel = "COL", description = "Column of y (northing or latitude).")
    String yColumn;

    @Option(names = "--value", paramLabel = "COL", description = "Column of the values.")
    String valueColumn;

    @Option(names = "--id", paramLabel = "COL", description = "Column of the point names (optional).")
    String idColumn;

    @Option(names = "--crs", paramLabel = "EPSG:n",
            description = "CRS of --points and --at coordinates (default: detect; --at with --store: EPSG:4490).")
    String crs;

    @Option(names = "--noise", description = "The --points values are sound levels in dB (noise-map classes and colours).")
    boolean noise;

    @Option(names = "--working-crs", paramLabel = "EPSG:n",
            description = "Projected CRS to work in (default: the Gauss-Krüger zone, or the points' CRS).")
    String workingCrs;

    @Option(names = "--method", paramLabel = "idw|ok|auto", defaultValue = "ok",
            description = "Inverse distance weighting, ordinary kriging, or the best by cross-validation (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--model", paramLabel = "Sph|Exp|Gau|Mat", description = "Variogram model shape (default Sph).")
    String model;

    @Option(names = "--nugget", paramLabel = "N", description = "Nugget of a given model (with --psill and --range).")
    Double nugget;

    @Option(names = "--psill", paramLabel = "P", description = "Partial sill of a given model.")
    Double psill;

    @Option(names = "--range", paramLabel = "R", description = "Range of a given model, metres.")
    Double range;

    @Option(names = "--kappa", paramLabel = "K", description = "Matérn smoothness (default 0.5).")
    Double kappa;

    @Option(names = "--cutoff", paramLabel = "M", description = "Empirical variogram cutoff, metres (default: a third of the diagonal).")
    Double cutoff;

    @Option(names = "--width", paramLabel = "M", description = "Empirical variogram lag width, metres (default: cutoff / 15).")
    Double width;

    @Option(names = "--power", paramLabel = "P", defaultValue = "2", description = "IDW power (default ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--nmax", paramLabel = "N", description = "Use the N nearest points (default all).")
    Integer nmax;

    @Option(names = "--radius", paramLabel = "M", description = "Use points within M metres (default no limit).")
    Double radius;

    @Option(names = "--energetic", description = "Interpolate sound energies 10^(L/10) instead of levels.")
    boolean energetic;

    @Option(names = "--log", description = "Interpolate the natural logarithm (skewed concentrations).")
    boolean log;

    @Option(names = "--grid-cell", paramLabel = "C", description = "Cell size of the grid, metres.")
    Double gridCell;

    @Option(names = "--extent", paramLabel = "MINX,MINY,MAXX,MAXY", split = ",",
            description = "Grid extent in the working CRS (default: the clip's, else the points').")
    List<Double> extent;

    @Option(names = "--clip", paramLabel = "LAYER|FILE",
            description = "Map only inside these polygons: a store layer (bijiang_built_up_area) or a GeoJSON/Shapefile/GeoPackage file.")
    String clip;

    @Option(names = "--zones", paramLabel = "LAYER|FILE",
            description = "Acoustic functional zones for GB 3096 (default: the store's acoustic_zones).")
    String zones;

    @Option(names = "--zone-column", paramLabel = "COL", defaultValue = NoiseMapRequest.DEFAULT_ZONE_COLUMN,
            description = "The zones' class column (default ${DEFAULT-VALUE}).")
    String zoneColumn;

    @Option(names = "--step", paramLabel = "S", description = "Contour interval (default 5 dB for noise, a round step otherwise).")
    Double step;

    @Option(names = "--levels", paramLabel = "L1,L2,...", split = ",", description = "Explicit contour levels.")
    List<Double> levels;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Grid file(s): .tif (GeoTIFF), .asc (ASCII grid), .png (coloured, with world file); with --at: predictions .csv.")
    List<Path> out;

    @Option(names = "--variance", paramLabel = "FILE", description = "Kriging variance grid (.tif or .asc).")
    Path variance;

    @Option(names = "--at", paramLabel = "FILE", description = "Predict at the points of this table (its --x and --y columns).")
    Path at;

    @Option(names = "--contours", paramLabel = "FILE", description = "Isophone lines (.gpkg, .geojson, .shp).")
    Path contours;

    @Option(names = "--bands", paramLabel = "FILE", description = "Filled bands with colours (.gpkg, .geojson, .shp).")
    Path bands;

    @Option(names = "--cv", description = "Cross-validate (leave one out) and print the metrics.")
    boolean cv;

    @Option(names = "--cv-report", paramLabel = "FILE", description = "Cross-validation per point as CSV.")
    Path cvReport;

    @Option(names = "--variogram-report", paramLabel = "FILE", description = "Empirical variogram and model as CSV.")
    Path variogramReport;

    @Option(names = "--save", paramLabel = "NAME",
            description = "Save the map into the store as layers NAME_bands and NAME_lines (default name: noise_map_day ...).",
            arity = "0..1", fallbackValue = "")
    String save;

    @Option(names = "--save-raster", description = "With --save: also write the grid as a GeoTIFF beside the store.")
    boolean saveRaster;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    private final List<String> written = new ArrayList<>();

    @Override
    public Integer call() {
        validate();
        TerminalProgress progress = new TerminalProgress(json);
        NoiseMapService service = new NoiseMapService();
        try (ProjectStore s = store == null ? null : ProjectStore.open(store)) {
            MapPoints mapPoints;
            StationSelection selection = selection();
            Integer working = workingCrs == null ? null : Crs.parse(workingCrs);
            if (s != null) {
                mapPoints = service.points(s, selection, working, progress);
            } else {
                PointTable table = PointTable.read(points, xColumn, yColumn, valueColumn, idColumn);
                ReadingPeriod p = period == null ? null : ReadingPeriod.parse(period);
                mapPoints = service.points(table, crs == null ? null : Crs.parse(crs), noise || energetic
                        || (p != null && p != ReadingPeriod.ALL), p == null ? null : p.noisePeriod(), working);
            }
            InterpolationSettings settings = settings();
            FittedInterpolation fit = service.fit(mapPoints, settings, progress);
            NoiseMapResult result = null;
            Map<String, Object> report = new LinkedHashMap<>();
            if (at != null) {
                PointTable targets = PointTable.read(at, xColumn == null ? "x" : xColumn, yColumn == null ? "y" : yColumn,
                        null, null);
                int targetCrs = crs != null ? Crs.parse(crs) : s != null ? Crs.CGCS2000 : mapPoints.sourceCrs();
                InterpolatedPoints predicted = service.predict(mapPoints, fit, targets.x(), targets.y(), targetCrs,
                        progress);
                MapReportCsv.predictions(targets.x(), targets.y(), predicted, out.get(0));
                written.add(out.get(0).toString());
                report.put("predictions", targets.size());
            } else if (needsGrid()) {
                NoiseMapRequest request = request(selection, settings, working);
                result = service.map(mapPoints, fit, request, s, progress);
                writeOutputs(result, s, progress);
            }
            if (variogramReport != null) {
                MapReportCsv.variogram(fit.variogram(), fit.model(), variogramReport);
                written.add(variogramReport.toString());
            }
            if (cvReport != null) {
                MapReportCsv.crossValidation(fit.samples(), fit.crossValidation(), cvReport);
                written.add(cvReport.toString());
            }
            progress.finish();
            if (json) {
                Output.json(spec.commandLine().getOut(), json(mapPoints, fit, result, report));
            } else {
                print(spec.commandLine().getOut(), mapPoints, fit, result, report);
            }
        } finally {
            progress.finish();
        }
        return 0;
    }

    private boolean needsGrid() {
        return (out != null && !out.isEmpty()) || variance != null || contours != null || bands != null
                || save != null;
    }

    private void validate() {
        if ((store == null) == (points == null)) {
            throw usage("cli.interpolate.oneInput");
        }
        if (points != null && (xColumn == null || yColumn == null || valueColumn == null)) {
            throw usage("cli.interpolate.pointsColumns");
        }
        if (points != null && (kind != null || parameter != null || survey != null || from != null || to != null)) {
            throw usage("cli.interpolate.storeOptionsWithPoints");
        }
        if (InterpolationSettings.Method.ofCode(method) == null) {
            throw usage("cli.interpolate.methodUnknown", method);
        }
        if (model != null && VariogramShape.ofCode(model) == null) {
            throw usage("cli.interpolate.modelUnknown", model);
        }
        int given = (nugget != null ? 1 : 0) + (psill != null ? 1 : 0) + (range != null ? 1 : 0);
        if (given != 0 && given != 3) {
            throw usage("cli.interpolate.modelIncomplete");
        }
        if (energetic && log) {
            throw usage("cli.interpolate.twoTransforms");
        }
        if (period != null && ReadingPeriod.parse(period) == null) {
            throw usage("cli.interpolate.periodUnknown", period);
        }
        if (kind != null && StationKind.parse(kind) == null) {
            throw usage("cli.interpolate.kindUnknown", kind);
        }
        if (store == null && save != null) {
            throw usage("cli.interpolate.saveNeedsStore");
        }
        if (saveRaster && save == null) {
            throw usage("cli.interpolate.saveRasterNeedsSave");
        }
        if (extent != null && extent.size() != 4) {
            throw usage("cli.interpolate.extentFormat");
        }
        if (at != null) {
            if (out == null || out.size() != 1 || !out.get(0).getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw usage("cli.interpolate.atNeedsCsv");
            }
            if (variance != null || contours != null || bands != null || save != null) {
                throw usage("cli.interpolate.atWithGrid");
            }
        } else if (needsGrid() && gridCell == null) {
            throw usage("cli.interpolate.gridCellMissing");
        }
        if (!needsGrid() && at == null && !cv && cvReport == null && variogramReport == null) {
            throw usage("cli.interpolate.nothingToDo");
        }
        // formats are checked before the work, not after it
        if (at == null && out != null) {
            for (Path p : out) {
                if (!Set.of("tif", "tiff", "asc", "png").contains(extension(p))) {
                    throw usage("noisemap.rasterFormatUnknown", p);
                }
            }
        }
        if (variance != null && !Set.of("tif", "tiff", "asc").contains(extension(variance))) {
            throw usage("noisemap.varianceFormatUnknown", variance);
        }
        for (Path p : new Path[]{bands, contours}) {
            if (p != null && !Set.of("gpkg", "geojson", "json", "shp").contains(extension(p))) {
                throw usage("noisemap.vectorFormatUnknown", p);
            }
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    private CommandLine.ParameterException usage(String key, Object... args) {
        return new CommandLine.ParameterException(spec.commandLine(), Messages.get(key, args));
    }

    private StationSelection selection() {
        StationKind k = kind == null ? StationKind.NOISE : StationKind.parse(kind);
        String p = parameter;
        if (p == null) {
            if (k != StationKind.NOISE && store != null) {
                throw usage("cli.interpolate.parameterMissing", k.code());
            }
            p = "leq";
        }
        String sv = survey;
        if (sv == null) {
            sv = k == StationKind.NOISE ? "regional" : null;
        } else if (sv.equalsIgnoreCase("all") || sv.equalsIgnoreCase("any")) {
            sv = null;
        }
        ReadingPeriod rp = period != null ? ReadingPeriod.parse(period)
                : k == StationKind.NOISE ? ReadingPeriod.DAY : ReadingPeriod.ALL;
        return new StationSelection(k, p, sv, rp, from, to);
    }

    private InterpolationSettings settings() {
        InterpolationSettings s = InterpolationSettings.defaults()
                .withMethod(InterpolationSettings.Method.ofCode(method))
                .withTransform(energetic ? ValueTransform.ENERGETIC : log ? ValueTransform.LOG : ValueTransform.NONE)
                .withPower(power)
                .withNeighbourhood(new Neighbourhood(nmax == null ? Integer.MAX_VALUE : nmax,
                        radius == null ? Double.POSITIVE_INFINITY : radius))
                .withCrossValidation(cv || cvReport != null);
        VariogramShape shape = model == null ? VariogramShape.SPHERICAL : VariogramShape.ofCode(model);
        double k = kappa == null ? 0.5 : kappa;
        if (nugget != null) {
            s = s.withModel(new VariogramModel(nugget, shape, psill, range, k));
        } else {
            s = s.withFittedShape(shape, k);
        }
        EmpiricalVariogram.Options options = EmpiricalVariogram.Options.DEFAULT;
        if (cutoff != null) {
            options = options.withCutoff(cutoff);
        }
        if (width != null) {
            options = options.withWidth(width);
        }
        return s.withVariogram(options);
    }

    private NoiseMapRequest request(StationSelection selection, InterpolationSettings settings, Integer working) {
        NoiseMapRequest r = NoiseMapRequest.defaults().withSelection(selection).withInterpolation(settings)
                .withCellSize(gridCell).withWorkingCrs(working);
        if (extent != null) {
            r = r.withExtent(new double[]{extent.get(0), extent.get(1), extent.get(2), extent.get(3)});
        }
        if (clip != null) {
            r = r.withClip(layer(clip));
        }
        if (zones != null) {
            r = r.withZones(layer(zones), zoneColumn);
        } else {
            r = r.withZones(null, zoneColumn);
        }
        if (levels != null) {
            r = r.withLevels(levels.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (step != null) {
            r = r.withStep(step);
        }
        return r;
    }

    /** A store layer when the store has one of that name, a file otherwise. */
    private LayerSource layer(String name) {
        if (store != null && !name.contains("/") && !name.contains("\\") && !name.contains(".")) {
            return LayerSource.storeLayer(name);
        }
        return LayerSource.file(Path.of(name));
    }

    private void writeOutputs(NoiseMapResult r, ProjectStore s, TerminalProgress progress) {
        if (out != null) {
            for (Path p : out) {
                NoiseMapExport.grid(r, p);
                written.add(p.toString());
            }
        }
        if (variance != null) {
            NoiseMapExport.variance(r, variance);
            written.add(variance.toString());
        }
        if (bands != null && contours != null && bands.equals(contours)
                && bands.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            NoiseMapExport.bandsAndLines(r, bands);
            written.add(bands.toString());
        } else {
            if (bands != null) {
                NoiseMapExport.bands(r, bands);
                written.add(bands.toString());
            }
            if (contours != null) {
                NoiseMapExport.lines(r, contours);
                written.add(contours.toString());
            }
        }
        if (save != null) {
            String name = save.isBlank() ? NoiseMapStore.defaultName(r) : save;
            NoiseMapStore.Saved saved = NoiseMapStore.save(s, r, name, saveRaster, progress);
            written.add(store + ":" + saved.bandsTable());
            written.add(store + ":" + saved.linesTable());
            if (saved.raster() != null) {
                written.add(saved.raster().toString());
            }
        }
    }

    private void print(PrintWriter w, MapPoints p, FittedInterpolation fit, NoiseMapResult r, Map<String, Object> report) {
        String periodText = p.period() == null ? "" : " (" + Messages.get(p.period().messageKey()) + ")";
        w.println(Messages.get("cli.interpolate.points", p.size(), p.parameter() + periodText,
                p.crs() == 0 ? "?" : Crs.displayName(p.crs())));
        w.println(Messages.get("cli.interpolate.method", fit.description()));
        if (fit.choice() != null) {
            for (var c : fit.choice().candidates()) {
                w.println(String.format(Locale.ROOT, "  %-22s %s", c.label(), c.validation() == null
                        ? Messages.get("cli.interpolate.candidateFailed", c.failure() == null ? "" : c.failure().getMessage())
                        : "RMSE " + fmt(c.rmse())));
            }
        }
        CrossValidationResult cvr = fit.crossValidation();
        if (cvr != null) {
            w.println(Messages.get("cli.interpolate.cv", cvr.validCount(), fmt(cvr.meanError()),
                    fmt(cvr.meanAbsoluteError()), fmt(cvr.rmse()), fmt(cvr.meanSquaredDeviationRatio())));
        }
        if (report.containsKey("predictions")) {
            w.println(Messages.get("cli.interpolate.predicted", report.get("predictions")));
        }
        if (r != null) {
            w.println(Messages.get("cli.interpolate.grid", r.gridSpec().ncols(), r.gridSpec().nrows(),
                    fmt(r.gridSpec().cellSize()), r.validCells()));
            NoiseGrading.Result g = r.grade();
            if (g != null) {
                w.println(Messages.get("cli.interpolate.grade", Messages.get(r.period().messageKey()), fmt(g.mean()),
                        g.grade().number(), g.grade().label(Messages.locale()), g.points()));
            }
            if (!r.zoneShares().isEmpty()) {
                w.println(Messages.get("cli.interpolate.zones", Messages.get(r.period().messageKey())));
                for (ZoneExceedance.Share z : r.zoneShares()) {
                    w.println("  " + Messages.get("cli.interpolate.zone", z.name(), z.zone().code(), fmt(z.limit()),
                            percent(z.share()), fmt(z.mappedArea() / 1e6), percent(z.coverage())));
                }
            }
        }
        for (String f : written) {
            w.println(Messages.get("cli.interpolate.wrote", f));
        }
        List<InterpolationWarning> warnings = r != null ? r.warnings() : p.warnings();
        for (InterpolationWarning x : warnings) {
            w.println(Messages.get("cli.interpolate.warning", x.message()));
        }
        w.flush();
    }

    private Map<String, Object> json(MapPoints p, FittedInterpolation fit, NoiseMapResult r, Map<String, Object> report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", p.size());
        m.put("parameter", p.parameter());
        m.put("period", p.period() == null ? null : p.period().name().toLowerCase(Locale.ROOT));
        m.put("crs", p.crs() == 0 ? null : "EPSG:" + p.crs());
        m.put("method", fit.description());
        if (fit.model() != null) {
            VariogramModel v = fit.model();
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("shape", v.shape().code());
            vm.put("nugget", v.nugget());
            vm.put("psill", v.partialSill());
            vm.put("range", v.range());
            vm.put("kappa", v.kappa());
            vm.put("fitted", fit.modelFitted());
            m.put("model", vm);
        }
        if (fit.choice() != null) {
            List<Map<String, Object>> cs = new ArrayList<>();
            for (var c : fit.choice().candidates()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("label", c.label());
                e.put("rmse", c.validation() == null ? null : c.rmse());
                e.put("failure", c.failure() == null ? null : c.failure().getMessage());
                cs.add(e);
            }
            m.put("candidates", cs);
        }
        CrossValidationResult cvr = fit.crossValidation();
        if (cvr != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("n", cvr.validCount());
            c.put("mean_error", finite(cvr.meanError()));
            c.put("mean_absolute_error", finite(cvr.meanAbsoluteError()));
            c.put("rmse", finite(cvr.rmse()));
            c.put("msdr", finite(cvr.meanSquaredDeviationRatio()));
            m.put("cross_validation", c);
        }
        m.putAll(report);
        if (r != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("ncols", r.gridSpec().ncols());
            g.put("nrows", r.gridSpec().nrows());
            g.put("cell_size", r.gridSpec().cellSize());
            g.put("extent", new double[]{r.gridSpec().minX(), r.gridSpec().minY(), r.gridSpec().maxX(), r.gridSpec().maxY()});
            g.put("cells_with_value", r.validCells());
            m.put("grid", g);
            if (r.grade() != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("mean", r.grade().mean());
                h.put("grade", r.grade().grade().number());
                h.put("label", r.grade().grade().label(Messages.locale()));
                h.put("points", r.grade().points());
                h.put("enough_points", r.grade().enoughPoints());
                m.put("hj640", h);
            }
            List<Map<String, Object>> zs = new ArrayList<>();
            for (ZoneExceedance.Share z : r.zoneShares()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("zone", z.name());
                e.put("class", z.zone().code());
                e.put("limit", z.limit());
                e.put("zone_area_m2", z.zoneArea());
                e.put("mapped_area_m2", z.mappedArea());
                e.put("area_over_m2", z.areaOver());
                e.put("share_over", finite(z.share()));
                zs.add(e);
            }
            m.put("gb3096", zs);
            List<Map<String, Object>> bs = new ArrayList<>();
            for (int i = 0; i < r.bands().size(); i++) {
                var c = r.classes().bands().get(i);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("label", c.label());
                e.put("colour", c.hex());
                e.put("area_m2", r.bands().get(i).geometry().getArea());
                bs.add(e);
            }
            m.put("bands", bs);
        }
        m.put("written", written);
        List<Map<String, Object>> ws = new ArrayList<>();
        for (InterpolationWarning x : r != null ? r.warnings() : p.warnings()) {
            ws.add(Map.of("key", x.key(), "message", x.message()));
        }
        m.put("warnings", ws);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "-";
    }
}
