package org.ecomonitor.analysis.standards;

import org.ecomonitor.analysis.aggregate.AccurateMean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Single-factor evaluation of surface water by GB 3838-2002: each item's class is the best class whose limit
 * its value meets (dissolved oxygen "higher is better", pH within 6–9, else 劣V); the water's class is the worst
 * item class, and the items with that class decide it. Items worse than the target class (III by default)
 * exceed it, with exceedance multiple (C − limit)/limit; pH and dissolved oxygen have no multiple (the
 * Ministry's 2011 surface-water evaluation measures, 环办〔2011〕22号). A section over a period is evaluated on
 * each item's arithmetic mean over the period's samples. O(items × samples).
 *
 * @param body                   river, or lake/reservoir (TP limits; TN evaluated for lakes only)
 * @param target                 the class an item must meet not to exceed (the functional zone's target)
 * @param excludeReferenceItems  the 2011 measures' rule: total nitrogen and fecal coliform are reported but do
 *                               not enter the water's class
 */
public record SurfaceWaterEvaluation(WaterBody body, SurfaceWaterClass target, boolean excludeReferenceItems) {

    private static final Set<String> REFERENCE_ITEMS = Set.of("tn", "fecal_coliform");
    private static final Set<String> NO_MULTIPLE = Set.of("ph", "do");

    public SurfaceWaterEvaluation {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(target, "target");
        if (target == SurfaceWaterClass.WORSE_THAN_V) {
            throw new IllegalArgumentException("the target class must be I..V");
        }
    }

    /** All GB 3838 items enter the class; exceedance against class III. */
    public static SurfaceWaterEvaluation of(WaterBody body) {
        return new SurfaceWaterEvaluation(body, SurfaceWaterClass.III, false);
    }

    /** The evaluation of one item. */
    public record ItemResult(SurfaceWaterItem item, double value, SurfaceWaterClass waterClass, boolean exceeds,
                             double exceedanceMultiple, boolean entersClass) {
    }

    /**
     * The evaluation of a sample or a period mean.
     *
     * @param waterClass   the worst class among the items that enter it (null when none was evaluated)
     * @param items        every evaluated item
     * @param decisive     the items whose class is the water's class (定类项目)
     * @param exceeding    the items worse than the target class (超标项目), largest multiple first
     * @param notEvaluated keys given that the table does not evaluate for this water body
     */
    public record Result(SurfaceWaterClass waterClass, List<ItemResult> items, List<ItemResult> decisive,
                         List<ItemResult> exceeding, List<String> notEvaluated) {
    }

    /**
     * Evaluates one sample: values by item key or HJ 212 code (NaN values are skipped).
     */
    public Result evaluate(Map<String, Double> sample) {
        SurfaceWaterStandard standard = SurfaceWaterStandard.get();
        List<ItemResult> items = new ArrayList<>();
        List<String> notEvaluated = new ArrayList<>();
        SurfaceWaterClass worst = null;
        for (Map.Entry<String, Double> e : sample.entrySet()) {
            if (e.getValue() == null || Double.isNaN(e.getValue())) {
                continue;
            }
            SurfaceWaterItem item = standard.item(e.getKey(), body);
            if (item == null) {
                notEvaluated.add(e.getKey());
                continue;
            }
            double v = e.getValue();
            SurfaceWaterClass c = item.classify(v);
            boolean exceeds = c.isWorseThan(target);
            double multiple = Double.NaN;
            if (exceeds && !NO_MULTIPLE.contains(item.key())) {
                double limit = item.limit(target);
                multiple = (v - limit) / limit;
            }
            boolean enters = !(excludeReferenceItems && REFERENCE_ITEMS.contains(item.key()));
            items.add(new ItemResult(item, v, c, exceeds, multiple, enters));
            if (enters) {
                worst = worst == null ? c : SurfaceWaterClass.worst(worst, c);
            }
        }
        List<ItemResult> decisive = new ArrayList<>();
        List<ItemResult> exceeding = new ArrayList<>();
        for (ItemResult r : items) {
            if (r.entersClass() && r.waterClass() == worst) {
                decisive.add(r);
            }
            if (r.exceeds()) {
                exceeding.add(r);
            }
        }
        exceeding.sort((a, b) -> Double.compare(nanLast(b.exceedanceMultiple()), nanLast(a.exceedanceMultiple())));
        return new Result(worst, List.copyOf(items), List.copyOf(decisive), List.copyOf(exceeding),
                List.copyOf(notEvaluated));
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /**
     * Evaluates a section over a period: each item's mean over the samples that have it, then {@link #evaluate}.
     */
    public Result evaluatePeriod(List<Map<String, Double>> samples) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map<String, Double> s : samples) {
            for (Map.Entry<String, Double> e : s.entrySet()) {
                if (e.getValue() != null && !Double.isNaN(e.getValue())) {
                    values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                }
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            means.put(e.getKey(), AccurateMean.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return evaluate(means);
    }
}
