package org.ecomonitor.gui.charts;

/**
 * A standard's limit drawn across a chart: values beyond it are marked as exceedances.
 *
 * @param parameter parameter code it applies to
 * @param value     the limit
 * @param below     true when values below the limit are bad (dissolved oxygen)
 * @param label     what the limit is, for example "GB 3095-2012 二级 24 小时平均 75 µg/m³"
 */
public record LimitLine(String parameter, double value, boolean below, String label) {

    public boolean exceeded(double v) {
        return !Double.isNaN(v) && (below ? v < value : v > value);
    }
}
