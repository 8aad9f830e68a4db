package org.ecomonitor.gui.trend;

/**
 * The step a trend chart shows: the readings as measured, or hourly, daily, monthly, seasonal or annual values
 * formed by the GB 3095-2012 validity rules. Display: bundle keys {@code gui.trend.step.<name>}.
 */
public enum TrendStep {
    NATIVE, HOURLY, DAILY, MONTHLY, SEASONAL, ANNUAL;

    public String messageKey() {
        return "gui.trend.step." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
