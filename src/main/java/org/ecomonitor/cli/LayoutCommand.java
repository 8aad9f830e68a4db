package org.ecomonitor.cli;

import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.layout.CoverageCheck;
import org.ecomonitor.analysis.layout.GridLayout;
import org.ecomonitor.analysis.layout.KrigingVarianceDesign;
import org.ecomonitor.analysis.layout.LayoutNotice;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.analysis.layout.NetworkReduction;
import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.SpatialCoverageDesign;
import org.ecomonitor.analysis.layout.StratifiedLayout;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.analysis.layout.Variograms;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.DistanceRasterExport;
import org.ecomonitor.io.LayoutInputs;
import org.ecomonitor.io.PlannedPointsExport;
import org.ecomonitor.io.PlannedPointsLayer;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code layout grid|coverage|densify|reduce|check|stratified}: monitoring point layouts (issue 5). Each reads a
 * study area (a file, or a store layer with an optional filter), exclusions, zones and existing points, runs one
 * method of {@code org.ecomonitor.analysis.layout}, prints the before/after table (or JSON), and writes the
 * planned points to a file (by extension) and/or a layer of the store.
 */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Design monitoring point layouts: HJ 640 noise grid, soil grids and strata, spatial coverage, "
                + "kriging-variance densification, network reduction, coverage checks.",
        subcommands = {LayoutCommand.Grid.class, LayoutCommand.Coverage.class, LayoutCommand.Densify.class,
            LayoutCommand.Reduce.class, LayoutCommand.Check.class, LayoutCommand.Stratified.class})
final class LayoutCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a layout method is required: grid, coverage, densify, reduce, check or stratified");
    }

    /** The inputs every layout method reads. */
    static final class Inputs {
        @Option(names = "--area", paramLabel = "FILE", description = "Study area polygons (GeoJSON, KML, Shapefile, GeoPackage).")
        Path area;

        @Option(names = "--store", paramLabel = "S.gpkg", description = "The project store (for --layer, --fixed-kind, --save-layer).")
        Path store;

        @Option(names = "--layer", paramLabel = "L", description = "Study area layer of the store (admin_areas, bijiang_built_up_area ...).")
        String layer;

        @Option(names = "--where", paramLabel = "COL=V[,V]", description = "Keep only these area features, e.g. adcode=520602.")
        String where;

        @Option(names = "--exclude", paramLabel = "FILE", description = "Exclusion polygons (water, restricted zones, buildings); repeatable.")
        List<Path> exclude = new ArrayList<>();

        @Option(names = "--exclude-layer", paramLabel = "L", description = "Exclusion layer of the store; repeatable.")
        List<String> excludeLayers = new ArrayList<>();

        @Option(names = "--zones", paramLabel = "FILE", description = "Zone polygons (counties, land-use strata); default: the area's features.")
        Path zones;

        @Option(names = "--zones-layer", paramLabel = "L", description = "Zone layer of the store.")
        String zonesLayer;

        @Option(names = "--zone-field", paramLabel = "F", description = "Field naming the zones (default: adcode, code, id or name).")
        String zoneField;

        @Option(names = "--fixed", paramLabel = "FILE", description = "Existing points that must stay (CSV/XLSX/vector file).")
        Path fixed;

        @Option(names = "--fixed-layer", paramLabel = "L", description = "Existing points from a point layer of the store.")
        String fixedLayer;

        @Option(names = "--fixed-kind", paramLabel = "KIND", description = "Existing points: the store's stations of this kind (air, soil, noise ...).")
        String fixedKind;

        @Option(names = "--fixed-where", paramLabel = "COL=V[,V]", description = "Keep only these existing points.")
        String fixedWhere;

        @Option(names = "--crs", paramLabel = "EPSG:n", description = "CRS of input files that do not say (default: detect).")
        String crs;

        @Option(names = "--plane", paramLabel = "EPSG:n", description = "Working plane in metres (default: the CGCS2000 Gauss-Kruger zone, EPSG:4545 for Tongren).")
        String plane;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}); a seed always gives the same layout.")
        long seed;

        @Option(names = "--min-spacing", paramLabel = "M", defaultValue = "0", description = "Minimum distance between points in metres (default ${DEFAULT-VALUE}).")
        double minSpacing;

        @Option(names = "--eval-cells", paramLabel = "N", defaultValue = "50000", description = "Cells of the evaluation grid of the before/after table (default ${DEFAULT-VALUE}).")
        int evalCells;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the points: .csv, .xlsx, .gpkg, .kml, .gpx or .geojson.")
        Path out;

        @Option(names = "--save-layer", paramLabel = "NAME", description = "Save the points as a layer of the store (replaces an earlier layout layer of that name).")
        String saveLayer;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;
    }

    /** Variogram options of the geostatistical methods. */
    static final class VariogramInputs {
        @Option(names = "--variogram", paramLabel = "MODEL", description = "Variogram in gstat notation, e.g. \"0.05 Nug + 0.59 Sph(900)\".")
        String variogram;

        @Option(names = "--value", paramLabel = "COLUMN", description = "Fit the variogram to this column of the existing points (when --variogram is not given).")
        String value;

        @Option(names = "--model", paramLabel = "SHAPE", defaultValue = "Sph", description = "Shape of a fitted variogram: Sph, Exp, Gau (default ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--log", description = "Fit the variogram to the logarithm of the values.")
        boolean log;

        /** The model, or null when neither --variogram nor --value is given. */
        VariogramModel resolve(List<Site> sites, TerminalProgress progress) {
            if (variogram != null) {
                return Variograms.parse(variogram);
            }
            if (value != null) {
                return Variograms.fit(sites, Variograms.shape(model), log ? ValueTransform.LOG : ValueTransform.NONE,
                        progress);
            }
            return null;
        }
    }

    /** Everything read for one run. */
    record Loaded(StudyArea area, List<Site> fixed, ProjectStore store) implements AutoCloseable {
        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }

    /** Base of the methods: reading inputs, writing and printing results. */
    abstract static class Method implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Inputs in = new Inputs();

        /** The value column of existing points, when the method reads one. */
        String valueField() {
            return null;
        }

        Loaded load(TerminalProgress progress) {
            if (in.area == null && (in.store == null || in.layer == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give the study area: --area FILE, or --store S.gpkg --layer L");
            }
            Integer crs = in.crs == null ? null : Crs.parse(in.crs);
            ProjectStore store = in.store == null ? null : ProjectStore.open(in.store);
            try {
                List<Feature> area = in.area != null
                        ? LayoutInputs.filter(LayoutInputs.readFile(in.area, crs, progress), in.where,
                        in.area.getFileName().toString())
                        : LayoutInputs.readLayer(store, in.layer, in.where);
                List<Feature> exclusions = new ArrayList<>();
                for (Path p : in.exclude) {
                    exclusions.addAll(LayoutInputs.readFile(p, crs, progress));
                }
                for (String l : in.excludeLayers) {
                    exclusions.addAll(LayoutInputs.readLayer(needStore(store, "--exclude-layer"), l, null));
                }
                List<Feature> zones = in.zones != null ? LayoutInputs.readFile(in.zones, crs, progress)
                        : in.zonesLayer != null ? LayoutInputs.readLayer(needStore(store, "--zones-layer"),
                        in.zonesLayer, null) : area;
                Integer plane = in.plane == null ? null : Crs.parse(in.plane);
                StudyArea studyArea = LayoutInputs.studyArea(area, exclusions, zones, in.zoneField, plane);
                List<Feature> points = new ArrayList<>();
                if (in.fixed != null) {
                    points.addAll(LayoutInputs.filter(LayoutInputs.readFile(in.fixed, crs, progress), in.fixedWhere,
                            in.fixed.getFileName().toString()));
                }
                if (in.fixedLayer != null) {
                    points.addAll(LayoutInputs.readLayer(needStore(store, "--fixed-layer"), in.fixedLayer,
                            in.fixedWhere));
                }
                if (in.fixedKind != null) {
                    StationKind kind = StationKind.parse(in.fixedKind);
                    if (kind == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                "unknown station kind: " + in.fixedKind);
                    }
                    points.addAll(LayoutInputs.readStations(needStore(store, "--fixed-kind"), kind, in.fixedWhere));
                }
                List<Site> sites = LayoutInputs.sites(points, studyArea, valueField());
                if (in.saveLayer != null) {
                    needStore(store, "--save-layer");
                }
                return new Loaded(studyArea, sites, store);
            } catch (RuntimeException e) {
                if (store != null) {
                    store.close();
                }
                throw e;
            }
        }

        ProjectStore needStore(ProjectStore store, String option) {
            if (store == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " needs --store S.gpkg");
            }
            return store;
        }

        /** Runs the method on the loaded inputs. */
        abstract LayoutPlan plan(Loaded loaded, TerminalProgress progress);

        @Override
        public Integer call() {
            TerminalProgress progress = new TerminalProgress(in.json);
            LayoutPlan plan;
            String saved = null;
            try (Loaded loaded = load(progress)) {
                plan = plan(loaded, progress);
                if (in.out != null) {
                    PlannedPointsExport.write(plan, in.out);
                }
                if (in.saveLayer != null) {
                    saved = PlannedPointsLayer.save(loaded.store(), plan, in.saveLayer);
                }
            } finally {
                progress.finish();
            }
            print(plan, saved);
            return 0;
        }

        void print(LayoutPlan plan, String saved) {
            PrintWriter out = spec.commandLine().getOut();
            if (in.json) {
                Output.json(out, json(plan, saved));
                return;
            }
            out.println(Messages.get("cli.layout.summary", plan.method(), plan.added().size(),
                    plan.points().size() - plan.added().size(), Crs.displayName(plan.planeEpsg())));
            out.println("  " + plan.parametersText());
            out.printf(Locale.ROOT, "  %-28s %16s %16s%n", Messages.get("cli.layout.metric"),
                    Messages.get("cli.layout.before"), Messages.get("cli.layout.after"));
            for (Map.Entry<String, Object[]> e : PlannedPointsExport.table(plan).entrySet()) {
                out.printf(Locale.ROOT, "  %-28s %16s %16s%n", e.getKey(), cell(e.getValue()[0]),
                        cell(e.getValue()[1]));
            }
            for (LayoutNotice n : plan.notices()) {
                out.println(Messages.get("cli.layout.notice", n.message()));
            }
            if (in.out != null) {
                out.println(Messages.get("cli.layout.written", plan.points().size(), in.out));
            }
            if (saved != null) {
                out.println(Messages.get("cli.layout.saved", saved, in.store));
            }
            out.flush();
        }

        Map<String, Object> json(LayoutPlan plan, String saved) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", plan.method());
            m.put("plane", "EPSG:" + plan.planeEpsg());
            m.put("parameters", finite(plan.parameters()));
            m.put("existing_points", plan.points().size() - plan.added().size());
            m.put("new_points", plan.added().size());
            m.put("before", metrics(plan.before(), plan.planeEpsg()));
            m.put("after", metrics(plan.after(), plan.planeEpsg()));
            m.put("notices", plan.notices().stream().map(n -> Map.of("key", n.key(), "message", n.message())).toList());
            if (in.out != null) {
                m.put("out", in.out.toString());
            }
            if (saved != null) {
                m.put("layer", saved);
            }
            return m;
        }
    }

    static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : a >= 1 ? String.format(Locale.ROOT, "%.3f", d)
                    : String.format(Locale.ROOT, "%.5f", d);
        }
        return v.toString();
    }

    static Map<String, Object> finite(Map<String, Object> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        parameters.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The metrics with the keys of the before/after table. */
    static Map<String, Object> metrics(NetworkMetrics n, int planeEpsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", n.points());
        m.put("mssd_m2", num(n.mssd()));
        m.put("mean_kriging_variance", num(n.meanKrigingVariance()));
        m.put("max_kriging_variance", num(n.maxKrigingVariance()));
        m.put("max_gap_m", num(n.maxGap()));
        if (Double.isFinite(n.gapX())) {
            double[] ll = LayoutProjection.of(planeEpsg).toLonLat(n.gapX(), n.gapY());
            m.put("gap_longitude", ll[0]);
            m.put("gap_latitude", ll[1]);
        }
        m.put("points_per_zone", n.pointsPerZone());
        return m;
    }

    // ------------------------------------------------------------------ methods

    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "HJ 640-2012 regional-noise grid (default), or the HJ/T 166 systematic soil grid (--systematic).")
    static final class Grid extends Method {
        @Option(names = "--cell", paramLabel = "M", description = "Square size in metres (HJ 640 default: the largest round size giving more than 100 valid squares).")
        Double cell;

        @Option(names = "--systematic", description = "HJ/T 166 systematic soil grid instead of the HJ 640 noise grid.")
        boolean systematic;

        @Option(names = "--n", paramLabel = "N", description = "Systematic grid: about N points (square size sqrt(area / N)).")
        Integer n;

        @Option(names = "--placement", paramLabel = "centre|random", defaultValue = "centre", description = "Point at the square's centre (default) or at random in it (systematic random).")
        String placement;

        @Option(names = "--max-excluded", paramLabel = "F", defaultValue = "0.5", description = "A square with a larger excluded share is invalid (default ${DEFAULT-VALUE}).")
        double maxExcluded;

        @Option(names = "--min-valid", paramLabel = "N", description = "Valid squares wanted when the size is chosen (HJ 640: 101).")
        Integer minValid;

        @Option(names = "--prefix", paramLabel = "P", description = "Prefix of the point ids (default N for noise, S for soil).")
        String prefix;

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            GridLayout.Options o;
            if (systematic) {
                double size;
                if (cell != null) {
                    size = cell;
                } else if (n != null && n > 0) {
                    size = Math.max(1, Math.round(Math.sqrt(loaded.area().admissibleArea() / n) / 10) * 10.0);
                } else {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--systematic needs --cell M or --n N");
                }
                o = GridLayout.Options.systematic(size);
            } else {
                o = GridLayout.Options.hj640();
                if (cell != null) {
                    o = o.withCellSize(cell);
                }
            }
            o = o.withPlacement(placement(placement)).withSeed(in.seed).withMaxExcludedFraction(maxExcluded)
                    .withEvaluationCells(in.evalCells);
            if (minValid != null) {
                o = o.withMinValidCells(minValid);
            }
            if (prefix != null) {
                o = o.withPrefix(prefix);
            }
            return GridLayout.plan(loaded.area(), loaded.fixed(), o, progress);
        }

        private GridLayout.Placement placement(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "centre", "center" -> GridLayout.Placement.CENTRE;
                case "random" -> GridLayout.Placement.RANDOM;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--placement is centre or random, not " + text);
            };
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = "Spatial coverage design (k-means on a fine discretisation, as spcosa): minimises the mean squared shortest distance.")
    static final class Coverage extends Method {
        @Option(names = "--n", required = true, paramLabel = "N", description = "New points to add.")
        int n;

        @Option(names = "--restarts", defaultValue = "10", description = "k-means restarts, the best kept (default ${DEFAULT-VALUE}).")
        int restarts;

        @Option(names = "--cells", defaultValue = "50000", description = "Cells of the discretisation (default ${DEFAULT-VALUE}).")
        int cells;

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            SpatialCoverageDesign.Options o = SpatialCoverageDesign.Options.of(n).withSeed(in.seed)
                    .withRestarts(restarts).withMinSpacing(in.minSpacing).withCells(cells)
                    .withEvaluationCells(in.evalCells);
            return SpatialCoverageDesign.plan(loaded.area(), loaded.fixed(), o, progress);
        }
    }

    @Command(name = "densify", mixinStandardHelpOptions = true,
            description = "Add points minimising the mean (or max) ordinary-kriging variance: greedy, then spatial simulated annealing.")
    static final class Densify extends Method {
        @Option(names = "--n", required = true, paramLabel = "N", description = "New points to add.")
        int n;

        @Mixin
        VariogramInputs variogram = new VariogramInputs();

        @Option(names = "--criterion", defaultValue = "mean", description = "mean or max kriging variance (default ${DEFAULT-VALUE}).")
        String criterion;

        @Option(names = "--iterations", defaultValue = "-1", description = "Annealing proposals (default: 60 per new point, 500..3000; 0 for greedy only).")
        int iterations;

        @Option(names = "--search-cells", defaultValue = "3000", description = "Cells the search judges designs on (default ${DEFAULT-VALUE}).")
        int searchCells;

        @Option(names = "--candidates", defaultValue = "3000", description = "Candidate locations of the greedy phase (default ${DEFAULT-VALUE}).")
        int candidates;

        @Override
        String valueField() {
            return variogram.value;
        }

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            VariogramModel model = variogram.resolve(loaded.fixed(), progress);
            if (model == null) {
                throw new UserException("layout.variogramMissing");
            }
            KrigingVarianceDesign.Criterion c = switch (criterion.toLowerCase(Locale.ROOT)) {
                case "mean" -> KrigingVarianceDesign.Criterion.MEAN;
                case "max" -> KrigingVarianceDesign.Criterion.MAX;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--criterion is mean or max, not " + criterion);
            };
            KrigingVarianceDesign.Options o = KrigingVarianceDesign.Options.of(model, n).withCriterion(c)
                    .withSeed(in.seed).withMinSpacing(in.minSpacing).withEvaluationCells(in.evalCells)
                    .withSearch(searchCells, candidates).withAnnealingIterations(iterations);
            return KrigingVarianceDesign.plan(loaded.area(), loaded.fixed(), o, progress);
        }
    }

    @Command(name = "reduce", mixinStandardHelpOptions = true,
            description = "Rank existing points by how much leaving each out raises the mean kriging variance (or by their cross-validation error).")
    static final class Reduce extends Method {
        @Mixin
        VariogramInputs variogram = new VariogramInputs();

        @Option(names = "--n", defaultValue = "0", paramLabel = "N", description = "Points to propose for removal (default ${DEFAULT-VALUE}: rank only).")
        int n;

        @Option(names = "--criterion", defaultValue = "variance", description = "variance or cv (default ${DEFAULT-VALUE}).")
        String criterion;

        @Override
        String valueField() {
            return variogram.value;
        }

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            VariogramModel model = variogram.resolve(loaded.fixed(), progress);
            if (model == null) {
                throw new UserException("layout.variogramMissing");
            }
            NetworkReduction.Criterion c = switch (criterion.toLowerCase(Locale.ROOT)) {
                case "variance", "kriging-variance" -> NetworkReduction.Criterion.KRIGING_VARIANCE;
                case "cv", "cross-validation" -> NetworkReduction.Criterion.CROSS_VALIDATION;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--criterion is variance or cv, not " + criterion);
            };
            NetworkReduction.Options o = new NetworkReduction.Options(model, c, n, in.evalCells);
            return NetworkReduction.plan(loaded.area(), loaded.fixed(), o, progress);
        }
    }

    @Command(name = "stratified", mixinStandardHelpOptions = true,
            description = "HJ/T 166 stratified layout: points per zone (land use, county) by quota or in proportion to area.")
    static final class Stratified extends Method {
        @Option(names = "--n", paramLabel = "N", description = "Points to share among the zones in proportion to their area.")
        Integer n;

        @Option(names = "--quota", paramLabel = "ZONE=N[,ZONE=N]", description = "Points per zone, e.g. 520602=12,520603=8.")
        String quota;

        @Option(names = "--min-per-zone", defaultValue = "1", description = "Least points per zone with --n (default ${DEFAULT-VALUE}: every zone covered).")
        int minPerZone;

        @Option(names = "--placement", defaultValue = "random", description = "random or coverage inside each zone (default ${DEFAULT-VALUE}).")
        String placement;

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            StratifiedLayout.Options o;
            if (quota != null) {
                Map<String, Integer> q = new LinkedHashMap<>();
                for (String part : quota.split(",")) {
                    int eq = part.indexOf('=');
                    try {
                        q.put(part.substring(0, eq).trim(), Integer.parseInt(part.substring(eq + 1).trim()));
                    } catch (RuntimeException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                "--quota is ZONE=N[,ZONE=N], not " + quota);
                    }
                }
                o = StratifiedLayout.Options.ofQuotas(q);
            } else if (n != null) {
                o = StratifiedLayout.Options.of(n).withMinPerZone(minPerZone);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --n N or --quota ZONE=N,...");
            }
            StratifiedLayout.Placement p = switch (placement.toLowerCase(Locale.ROOT)) {
                case "random" -> StratifiedLayout.Placement.RANDOM;
                case "coverage" -> StratifiedLayout.Placement.COVERAGE;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--placement is random or coverage, not " + placement);
            };
            o = o.withPlacement(p).withSeed(in.seed).withMinSpacing(in.minSpacing)
                    .withCells(Math.max(in.evalCells, 20_000), in.evalCells);
            return StratifiedLayout.plan(loaded.area(), loaded.fixed(), o, progress);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a network: points per zone against a rule, largest gap, MSSD, kriging variance, distance raster.")
    static final class Check extends Method {
        @Option(names = "--min-per-zone", defaultValue = "1", description = "Points every zone must have (default ${DEFAULT-VALUE}; the air plan asks 2 per county town).")
        int minPerZone;

        @Mixin
        VariogramInputs variogram = new VariogramInputs();

        @Option(names = "--raster", paramLabel = "FILE.asc", description = "Write the distance-to-nearest-point raster (ESRI ASCII grid).")
        Path raster;

        @Option(names = "--raster-cell", paramLabel = "M", description = "Cell size of the raster (default: the evaluation grid's).")
        Double rasterCell;

        @Override
        String valueField() {
            return variogram.value;
        }

        @Override
        LayoutPlan plan(Loaded loaded, TerminalProgress progress) {
            throw new IllegalStateException("check has its own call");
        }

        @Override
        public Integer call() {
            TerminalProgress progress = new TerminalProgress(in.json);
            CoverageCheck.Report report;
            int plane;
            try (Loaded loaded = load(progress)) {
                VariogramModel model = variogram.resolve(loaded.fixed(), progress);
                CoverageCheck.Options o = new CoverageCheck.Options(minPerZone, model, in.evalCells,
                        rasterCell == null ? Double.NaN : rasterCell);
                report = CoverageCheck.check(loaded.area(), loaded.fixed(), o, progress);
                plane = loaded.area().epsg();
                if (raster != null) {
                    DistanceRasterExport.write(report.raster(), plane, raster);
                }
            } finally {
                progress.finish();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (in.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("plane", "EPSG:" + plane);
                m.put("rule_min_per_zone", minPerZone);
                m.put("satisfied", report.satisfied());
                List<Map<String, Object>> zones = new ArrayList<>();
                for (CoverageCheck.ZoneCount z : report.zones()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("zone", z.zoneId());
                    e.put("name", z.zoneName());
                    e.put("points", z.count());
                    e.put("required", z.required());
                    e.put("satisfied", z.satisfied());
                    e.put("ids", z.pointIds());
                    zones.add(e);
                }
                m.put("zones", zones);
                m.put("outside_zones", report.outside());
                m.put("metrics", metrics(report.metrics(), plane));
                m.put("raster_max_distance_m", report.raster().max());
                if (raster != null) {
                    m.put("raster", raster.toString());
                }
                Output.json(out, m);
                return 0;
            }
            out.println(Messages.get("cli.layout.check.summary", report.metrics().points(), report.zones().size(),
                    minPerZone));
            for (CoverageCheck.ZoneCount z : report.zones()) {
                out.println("  " + Messages.get(z.satisfied() ? "cli.layout.check.zoneOk" : "cli.layout.check.zoneShort",
                        z.zoneId(), z.zoneName(), z.count(), z.required()));
            }
            if (!report.outside().isEmpty()) {
                out.println("  " + Messages.get("cli.layout.check.outside", String.join(", ", report.outside())));
            }
            Map<String, Object> metrics = metrics(report.metrics(), plane);
            for (String key : List.of("mssd_m2", "mean_kriging_variance", "max_kriging_variance", "max_gap_m")) {
                out.printf(Locale.ROOT, "  %-28s %16s%n", key, cell(metrics.get(key)));
            }
            if (metrics.containsKey("gap_longitude")) {
                out.println("  " + Messages.get("cli.layout.check.gapAt", metrics.get("gap_longitude"),
                        metrics.get("gap_latitude")));
            }
            out.println(Messages.get(report.satisfied() ? "cli.layout.check.ok" : "cli.layout.check.failing",
                    report.failing().size()));
            if (raster != null) {
                out.println(Messages.get("cli.layout.check.raster", raster));
            }
            out.flush();
            return 0;
        }
    }
}
