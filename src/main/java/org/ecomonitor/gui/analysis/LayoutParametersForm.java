package org.ecomonitor.gui.analysis;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.analysis.layout.CoverageCheck;
import org.ecomonitor.analysis.layout.GridLayout;
import org.ecomonitor.analysis.layout.KrigingVarianceDesign;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.NetworkReduction;
import org.ecomonitor.analysis.layout.SpatialCoverageDesign;
import org.ecomonitor.analysis.layout.StratifiedLayout;
import org.ecomonitor.analysis.layout.Variograms;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the layout methods, one form whose rows show for the methods they belong to, with the
 * defaults of the {@code layout} command (HJ 640: the square size chosen for more than 100 valid squares, at most
 * half of a square excluded; seed 1; 50,000 evaluation cells). {@link #read} takes a snapshot on the FX thread
 * (reporting a field that is not a number), {@link Values#run} runs the method anywhere.
 */
final class LayoutParametersForm {

    /** What a run produced: a plan of points, or a coverage check's report, and what re-evaluates it. */
    record Outcome(LayoutMethod method, LayoutSetup setup, LayoutPlan plan, CoverageCheck.Report report,
                   VariogramModel model, int evaluationCells) {
    }

    /** The form's values for one method, parsed. */
    record Values(LayoutMethod method, double cell, double maxExcluded, boolean randomPlacement, String prefix,
                  int count, int removeCount, int minPerZone, boolean coveragePlacement, Map<String, Integer> quotas,
                  int restarts, double minSpacing, String variogram, VariogramShape shape, boolean log,
                  boolean maxCriterion, boolean cvCriterion, long seed, int evaluationCells) {

        /** Runs the method (any thread; honours cancellation). */
        Outcome run(LayoutSetup setup, Progress progress) {
            VariogramModel model = model(setup, progress);
            LayoutPlan plan = null;
            CoverageCheck.Report report = null;
            switch (method) {
                case HJ640_GRID -> {
                    GridLayout.Options o = GridLayout.Options.hj640().withMaxExcludedFraction(maxExcluded)
                            .withEvaluationCells(evaluationCells).withSeed(seed);
                    if (!Double.isNaN(cell)) {
                        o = o.withCellSize(cell);
                    }
                    if (!prefix.isEmpty()) {
                        o = o.withPrefix(prefix);
                    }
                    plan = GridLayout.plan(setup.area(), setup.fixed(), o, progress);
                }
                case SOIL_SYSTEMATIC -> {
                    GridLayout.Options o = GridLayout.Options.systematic(Double.isNaN(cell) ? 1000 : cell)
                            .withPlacement(randomPlacement ? GridLayout.Placement.RANDOM : GridLayout.Placement.CENTRE)
                            .withMaxExcludedFraction(maxExcluded).withSeed(seed).withEvaluationCells(evaluationCells);
                    if (!prefix.isEmpty()) {
                        o = o.withPrefix(prefix);
                    }
                    plan = GridLayout.plan(setup.area(), setup.fixed(), o, progress);
                }
                case SOIL_STRATIFIED, SOIL_QUOTAS -> {
                    StratifiedLayout.Options o = method == LayoutMethod.SOIL_QUOTAS
                            ? StratifiedLayout.Options.ofQuotas(quotas)
                            : StratifiedLayout.Options.of(count).withMinPerZone(minPerZone);
                    o = o.withPlacement(coveragePlacement ? StratifiedLayout.Placement.COVERAGE : StratifiedLayout.Placement.RANDOM)
                            .withSeed(seed).withMinSpacing(minSpacing)
                            .withCells(Math.max(evaluationCells, 20_000), evaluationCells);
                    plan = StratifiedLayout.plan(setup.area(), setup.fixed(), o, progress);
                }
                case COVERAGE -> plan = SpatialCoverageDesign.plan(setup.area(), setup.fixed(),
                        SpatialCoverageDesign.Options.of(count).withSeed(seed).withRestarts(restarts)
                                .withMinSpacing(minSpacing).withEvaluationCells(evaluationCells), progress);
                case DENSIFY -> plan = KrigingVarianceDesign.plan(setup.area(), setup.fixed(),
                        KrigingVarianceDesign.Options.of(require(model), count)
                                .withCriterion(maxCriterion ? KrigingVarianceDesign.Criterion.MAX : KrigingVarianceDesign.Criterion.MEAN)
                                .withSeed(seed).withMinSpacing(minSpacing).withEvaluationCells(evaluationCells), progress);
                case REDUCE -> plan = NetworkReduction.plan(setup.area(), setup.fixed(),
                        new NetworkReduction.Options(require(model), cvCriterion ? NetworkReduction.Criterion.CROSS_VALIDATION
                                : NetworkReduction.Criterion.KRIGING_VARIANCE, removeCount, evaluationCells), progress);
                case CHECK -> report = CoverageCheck.check(setup.area(), setup.fixed(),
                        new CoverageCheck.Options(minPerZone, model, evaluationCells, Double.NaN), progress);
            }
            return new Outcome(method, setup, plan, report, model, evaluationCells);
        }

        /** The variogram typed in, else one fitted to the existing points' values, else none. */
        private VariogramModel model(LayoutSetup setup, Progress progress) {
            if (!variogram.isEmpty()) {
                return Variograms.parse(variogram);
            }
            boolean anyValue = setup.fixed().stream().anyMatch(s -> Double.isFinite(s.value()));
            if ((method.needsVariogram() || method == LayoutMethod.CHECK) && anyValue) {
                return Variograms.fit(setup.fixed(), shape, log ? ValueTransform.LOG : ValueTransform.NONE, progress);
            }
            return null;
        }

        private static VariogramModel require(VariogramModel m) {
            if (m == null) {
                throw new UserException("layout.variogramMissing");
            }
            return m;
        }
    }

    final TextField cell = new TextField();
    final TextField maxExcluded = new TextField("0.5");
    final ComboBox<Boolean> gridPlacement = NoiseMapForm.combo(List.of(false, true),
            r -> Messages.get(r ? "gui.layout.placement.random" : "gui.layout.placement.centre"));
    final TextField prefix = new TextField();
    final TextField count = new TextField("10");
    final TextField removeCount = new TextField("1");
    final TextField minPerZone = new TextField("1");
    final ComboBox<Boolean> zonePlacement = NoiseMapForm.combo(List.of(false, true),
            c -> Messages.get(c ? "gui.layout.placement.coverage" : "gui.layout.placement.random"));
    final TextField quotas = new TextField();
    final TextField restarts = new TextField("10");
    final TextField minSpacing = new TextField("0");
    final TextField variogram = new TextField();
    final ComboBox<VariogramShape> shape = NoiseMapForm.combo(List.of(VariogramShape.SPHERICAL,
            VariogramShape.EXPONENTIAL, VariogramShape.GAUSSIAN), s -> Messages.get("gui.noise.shape." + s.code().toLowerCase(Locale.ROOT)));
    final CheckBox log = new CheckBox(Messages.get("gui.layout.log"));
    final ComboBox<Boolean> densifyCriterion = NoiseMapForm.combo(List.of(false, true),
            m -> Messages.get(m ? "gui.layout.criterion.max" : "gui.layout.criterion.mean"));
    final ComboBox<Boolean> reduceCriterion = NoiseMapForm.combo(List.of(false, true),
            c -> Messages.get(c ? "gui.layout.criterion.cv" : "gui.layout.criterion.variance"));
    final TextField seed = new TextField("1");
    final TextField evaluationCells = new TextField("50000");

    private final GridPane grid = new GridPane();
    private final List<Object[]> rows = new ArrayList<>();

    LayoutParametersForm() {
        gridPlacement.setValue(false);
        zonePlacement.setValue(false);
        shape.setValue(VariogramShape.SPHERICAL);
        densifyCriterion.setValue(false);
        reduceCriterion.setValue(false);
        cell.setId("layoutCell");
        maxExcluded.setId("layoutMaxExcluded");
        gridPlacement.setId("layoutGridPlacement");
        prefix.setId("layoutPrefix");
        count.setId("layoutCount");
        removeCount.setId("layoutRemoveCount");
        minPerZone.setId("layoutMinPerZone");
        zonePlacement.setId("layoutZonePlacement");
        quotas.setId("layoutQuotas");
        restarts.setId("layoutRestarts");
        minSpacing.setId("layoutMinSpacing");
        variogram.setId("layoutVariogram");
        shape.setId("layoutShape");
        log.setId("layoutLog");
        densifyCriterion.setId("layoutDensifyCriterion");
        reduceCriterion.setId("layoutReduceCriterion");
        seed.setId("layoutSeed");
        evaluationCells.setId("layoutEvaluationCells");
        quotas.setPromptText("520602=12,520603=8");
        variogram.setPromptText(Messages.get("gui.layout.variogram.prompt"));
        prefix.setPromptText("N");
        for (TextField f : new TextField[]{cell, maxExcluded, prefix, count, removeCount, minPerZone, restarts,
            minSpacing, seed, evaluationCells}) {
            f.setPrefColumnCount(8);
        }
        quotas.setPrefColumnCount(22);
        variogram.setPrefColumnCount(22);
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        Set<LayoutMethod> grids = EnumSet.of(LayoutMethod.HJ640_GRID, LayoutMethod.SOIL_SYSTEMATIC);
        Set<LayoutMethod> plans = EnumSet.complementOf(EnumSet.of(LayoutMethod.CHECK));
        add("gui.layout.cell", cell, grids);
        add("gui.layout.max_excluded", maxExcluded, grids);
        add("gui.layout.placement", gridPlacement, EnumSet.of(LayoutMethod.SOIL_SYSTEMATIC));
        add("gui.layout.prefix", prefix, grids);
        add("gui.layout.count", count, EnumSet.of(LayoutMethod.SOIL_STRATIFIED, LayoutMethod.COVERAGE, LayoutMethod.DENSIFY));
        add("gui.layout.remove_count", removeCount, EnumSet.of(LayoutMethod.REDUCE));
        add("gui.layout.min_per_zone", minPerZone, EnumSet.of(LayoutMethod.SOIL_STRATIFIED, LayoutMethod.CHECK));
        add("gui.layout.quotas", quotas, EnumSet.of(LayoutMethod.SOIL_QUOTAS));
        add("gui.layout.placement", zonePlacement, EnumSet.of(LayoutMethod.SOIL_STRATIFIED, LayoutMethod.SOIL_QUOTAS));
        add("gui.layout.restarts", restarts, EnumSet.of(LayoutMethod.COVERAGE));
        add("gui.layout.min_spacing", minSpacing, EnumSet.of(LayoutMethod.SOIL_STRATIFIED, LayoutMethod.SOIL_QUOTAS,
                LayoutMethod.COVERAGE, LayoutMethod.DENSIFY));
        add("gui.layout.variogram", variogram, EnumSet.of(LayoutMethod.DENSIFY, LayoutMethod.REDUCE, LayoutMethod.CHECK));
        add("gui.layout.shape", shape, EnumSet.of(LayoutMethod.DENSIFY, LayoutMethod.REDUCE, LayoutMethod.CHECK));
        add(null, log, EnumSet.of(LayoutMethod.DENSIFY, LayoutMethod.REDUCE, LayoutMethod.CHECK));
        add("gui.layout.criterion", densifyCriterion, EnumSet.of(LayoutMethod.DENSIFY));
        add("gui.layout.criterion", reduceCriterion, EnumSet.of(LayoutMethod.REDUCE));
        add("gui.layout.seed", seed, plans);
        add("gui.layout.evaluation_cells", evaluationCells, EnumSet.allOf(LayoutMethod.class));
        show(LayoutMethod.HJ640_GRID);
    }

    private void add(String key, Node control, Set<LayoutMethod> methods) {
        Label label = new Label(key == null ? "" : Messages.get(key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rows.add(new Object[]{label, control, methods});
    }

    Node node() {
        return grid;
    }

    /** Shows the rows of one method. */
    void show(LayoutMethod method) {
        grid.getChildren().clear();
        int r = 0;
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            Set<LayoutMethod> methods = (Set<LayoutMethod>) row[2];
            if (methods.contains(method)) {
                grid.addRow(r++, (Node) row[0], (Node) row[1]);
            }
        }
        cell.setPromptText(Messages.get(method == LayoutMethod.HJ640_GRID ? "gui.layout.cell.auto" : "gui.layout.cell.default"));
        prefix.setPromptText(method == LayoutMethod.HJ640_GRID ? "N" : "S");
    }

    /** The values for a method, parsed (FX thread). */
    Values read(LayoutMethod method) {
        String c = text(cell);
        Map<String, Integer> q = null;
        if (method == LayoutMethod.SOIL_QUOTAS) {
            q = quotas(text(quotas));
        }
        return new Values(method, c.isEmpty() ? Double.NaN : positive(cell, "gui.layout.cell"),
                number(maxExcluded, "gui.layout.max_excluded"), Boolean.TRUE.equals(gridPlacement.getValue()), text(prefix),
                integer(count, "gui.layout.count"), integer(removeCount, "gui.layout.remove_count"),
                integer(minPerZone, "gui.layout.min_per_zone"), Boolean.TRUE.equals(zonePlacement.getValue()), q,
                integer(restarts, "gui.layout.restarts"), number(minSpacing, "gui.layout.min_spacing"), text(variogram),
                shape.getValue(), log.isSelected(), Boolean.TRUE.equals(densifyCriterion.getValue()),
                Boolean.TRUE.equals(reduceCriterion.getValue()), integer(seed, "gui.layout.seed"),
                integer(evaluationCells, "gui.layout.evaluation_cells"));
    }

    /** "520602=12,520603=8" as zone id to count. */
    static Map<String, Integer> quotas(String text) {
        Map<String, Integer> q = new LinkedHashMap<>();
        for (String part : text.split("[,，;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                q.put(part.substring(0, eq).trim(), Integer.parseInt(part.substring(eq + 1).trim()));
            } catch (RuntimeException e) {
                throw new UserException("gui.layout.quotas_invalid", text);
            }
        }
        if (q.isEmpty()) {
            throw new UserException("gui.layout.quotas_invalid", text);
        }
        return q;
    }

    private static String text(TextField f) {
        return f.getText() == null ? "" : f.getText().trim();
    }

    private static double number(TextField f, String key) {
        String t = text(f).replace(',', '.');
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserException("gui.analysis.not_a_number", Messages.get(key), t);
    }

    private static double positive(TextField f, String key) {
        double v = number(f, key);
        if (!(v > 0)) {
            throw new UserException("gui.analysis.not_positive", Messages.get(key), text(f));
        }
        return v;
    }

    private static int integer(TextField f, String key) {
        String t = text(f);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new UserException("gui.analysis.not_a_whole_number", Messages.get(key), t);
        }
    }
}
