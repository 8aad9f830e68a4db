package org.ecomonitor.gui.charts;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.ecomonitor.i18n.Messages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calendar of daily values, one block per year (weeks as columns, Monday to Sunday as rows, as Chinese
 * calendars print them), each day coloured by its {@link DayColouring}: the AQI category of an air parameter's
 * daily value, the GB 3838 class of a water sample, or a ramp. A day whose daily value failed its validity rule
 * is grey; the pointer shows the day's value and class.
 */
public final class CalendarHeatMap extends ChartView {

    /** One day: its value, or NaN with the reason it is missing. */
    public record DayValue(LocalDate date, double value, String missingReason) {
    }

    private static final Color MISSING = Color.web("#d5d8dc");
    private static final Color EMPTY = Color.web("#f4f6f7");
    private static final double LEFT = 58;
    private static final double TOP = 36;

    private final TreeMap<LocalDate, DayValue> days = new TreeMap<>();
    private DayColouring colouring = new DayColouring.Ramp(0, 1);
    private String title = "";
    private String unit = "";
    private final Tooltip tip = new Tooltip();
    private double cell = 12;
    private int firstYear;

    public CalendarHeatMap() {
        setId("calendarHeatMap");
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            LocalDate d = dayAt(e.getX(), e.getY());
            DayValue v = d == null ? null : days.get(d);
            tip.setText(v == null ? (d == null ? "" : d.toString()) : describe(v));
        });
    }

    /** Shows the days of one series. */
    public void setData(String newTitle, String newUnit, List<DayValue> values, DayColouring newColouring) {
        days.clear();
        for (DayValue v : values) {
            days.put(v.date(), v);
        }
        title = newTitle == null ? "" : newTitle;
        unit = newUnit == null ? "" : newUnit;
        colouring = newColouring;
        redraw();
    }

    /** The colour a day is shown in (null when it is not in the data). */
    public Color colourOf(LocalDate date) {
        DayValue v = days.get(date);
        if (v == null) {
            return null;
        }
        return Double.isNaN(v.value()) ? MISSING : colouring.of(v.value()).colour();
    }

    /** The centre of a day's cell in this region's coordinates (null when not shown). */
    public double[] cellCentre(LocalDate date) {
        if (days.isEmpty()) {
            return null;
        }
        int year = date.getYear() - firstYear;
        LocalDate jan1 = LocalDate.of(date.getYear(), 1, 1);
        int offset = jan1.getDayOfWeek().getValue() - 1;
        int index = (int) ChronoUnit.DAYS.between(jan1, date) + offset;
        double x = LEFT + (index / 7) * cell + cell / 2;
        double y = TOP + year * (8 * cell + 22) + (index % 7) * cell + cell / 2;
        return new double[]{x, y};
    }

    private LocalDate dayAt(double x, double y) {
        if (days.isEmpty() || cell <= 0) {
            return null;
        }
        int lastYear = days.lastKey().getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            double top = TOP + (year - firstYear) * (8 * cell + 22);
            if (y >= top && y < top + 7 * cell && x >= LEFT) {
                int col = (int) ((x - LEFT) / cell);
                int row = (int) ((y - top) / cell);
                LocalDate jan1 = LocalDate.of(year, 1, 1);
                int offset = jan1.getDayOfWeek().getValue() - 1;
                LocalDate d = jan1.plusDays(col * 7L + row - offset);
                return d.getYear() == year ? d : null;
            }
        }
        return null;
    }

    private String describe(DayValue v) {
        if (Double.isNaN(v.value())) {
            return v.date() + "  " + Messages.get("gui.chart.legend.missing") + (v.missingReason() == null ? "" : ": " + v.missingReason());
        }
        return v.date() + "  " + ValueAxis.label(Math.round(v.value() * 1000) / 1000.0) + " " + unit + "  "
                + colouring.of(v.value()).label();
    }

    @Override
    protected void paint(ChartCanvas c, double width, double height) {
        if (days.isEmpty()) {
            c.text(Messages.get("gui.chart.no_data"), width / 2, height / 2, ChartCanvas.Anchor.MIDDLE, 13, false, AXIS, 0);
            return;
        }
        firstYear = days.firstKey().getYear();
        int lastYear = days.lastKey().getYear();
        int years = lastYear - firstYear + 1;
        double byWidth = (width - LEFT - 12) / 54;
        double byHeight = (height - TOP - 46) / (years * 8.0 + years * 22.0 / 12);
        cell = Math.max(4, Math.min(18, Math.min(byWidth, byHeight)));
        c.text(title, LEFT, 16, ChartCanvas.Anchor.START, 12, true, TEXT, 0);
        Locale locale = Messages.locale();
        for (int year = firstYear; year <= lastYear; year++) {
            double top = TOP + (year - firstYear) * (8 * cell + 22);
            c.text(Integer.toString(year), 6, top + 3.5 * cell + 4, ChartCanvas.Anchor.START, 12, true, TEXT, 0);
            for (DayOfWeek dow : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY}) {
                c.text(dow.getDisplayName(TextStyle.SHORT, locale), LEFT - 4, top + (dow.getValue() - 0.5) * cell + 4,
                        ChartCanvas.Anchor.END, Math.min(10, cell * 0.8), false, AXIS, 0);
            }
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            int offset = jan1.getDayOfWeek().getValue() - 1;
            for (int m = 1; m <= 12; m++) {
                LocalDate first = LocalDate.of(year, m, 1);
                int col = ((int) ChronoUnit.DAYS.between(jan1, first) + offset) / 7;
                c.text(first.getMonth().getDisplayName(TextStyle.SHORT, locale), LEFT + col * cell, top - 4,
                        ChartCanvas.Anchor.START, Math.min(10, cell * 0.8), false, AXIS, 0);
            }
            for (LocalDate d = jan1; d.getYear() == year; d = d.plusDays(1)) {
                int index = (int) ChronoUnit.DAYS.between(jan1, d) + offset;
                double x = LEFT + (index / 7) * cell;
                double y = top + (index % 7) * cell;
                DayValue v = days.get(d);
                Color fill = v == null ? EMPTY : Double.isNaN(v.value()) ? MISSING : colouring.of(v.value()).colour();
                c.setFill(fill);
                c.fillRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
            }
        }
        // legend
        double y = TOP + years * (8 * cell + 22) + 4;
        double x = LEFT;
        Map<String, Color> entries = new java.util.LinkedHashMap<>();
        for (DayColouring.Band b : colouring.legend()) {
            entries.put(b.label(), b.colour());
        }
        entries.put(Messages.get("gui.chart.legend.missing"), MISSING);
        for (Map.Entry<String, Color> e : entries.entrySet()) {
            c.setFill(e.getValue());
            c.fillRect(x, y, 12, 12);
            c.setStroke(AXIS, 0.5);
            c.strokeRect(x, y, 12, 12);
            c.text(e.getKey(), x + 16, y + 10, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 30 + TextMeasure.width(e.getKey(), 11, false);
            if (x > width - 80) {
                x = LEFT;
                y += 18;
            }
        }
    }
}
