package org.ecomonitor.gui.analysis;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.ecomonitor.analysis.interpolation.InverseDistanceWeighting;
import org.ecomonitor.analysis.interpolation.Neighbourhood;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.interpolation.VariogramShape;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.analysis.noisemap.InterpolationSettings.Method;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.noisemap.LayerSource;
import org.ecomonitor.io.noisemap.NoiseMapRequest;
import org.ecomonitor.io.noisemap.ReadingPeriod;
import org.ecomonitor.io.noisemap.StationSelection;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.FeatureTables;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The parameters of a noise map, as a form: which points and readings (station kind, parameter, survey, day or
 * night, dates), how to interpolate (method, scale, IDW power, neighbourhood, variogram model fitted or given,
 * cross-validation), and the map (cell size, clip polygon, acoustic zones, band step, whether to show the kriging
 * variance, the map's name). It starts with the defaults for a city's regional noise survey (the Bijiang sample):
 * regional survey, day, ordinary kriging with a fitted spherical model, 50 m cells, clipped to the built-up area,
 * 5 dB bands in the DIN 18005 colours. {@link #request()} turns it into a {@link NoiseMapRequest}.
 */
final class NoiseMapForm {

    /** The built-up area layer of the sample project (the default clip). */
    static final String DEFAULT_CLIP = "bijiang_built_up_area";

    final ComboBox<StationKind> kind = combo(List.of(StationKind.values()), k -> Messages.get(k.messageKey()));
    final TextField parameter = new TextField("leq");
    final ComboBox<String> survey = new ComboBox<>();
    final ComboBox<ReadingPeriod> period = combo(List.of(ReadingPeriod.values()),
            p -> Messages.get("gui.noise.period." + p.name().toLowerCase(Locale.ROOT)));
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();

    final ComboBox<Method> method = combo(List.of(Method.values()),
            m -> Messages.get("gui.noise.method." + m.code()));
    final ComboBox<ValueTransform> transform = combo(List.of(ValueTransform.values()),
            t -> Messages.get("gui.noise.transform." + t.name().toLowerCase(Locale.ROOT)));
    final TextField power = new TextField("2");
    final TextField nmax = new TextField();
    final ComboBox<VariogramShape> shape = combo(List.of(VariogramShape.values()),
            s -> Messages.get("gui.noise.shape." + s.code().toLowerCase(Locale.ROOT)));
    final CheckBox fitModel = new CheckBox(Messages.get("gui.noise.fit_model"));
    final TextField nugget = new TextField();
    final TextField psill = new TextField();
    final TextField range = new TextField();
    final CheckBox crossValidate = new CheckBox(Messages.get("gui.noise.cross_validate"));

    final TextField cellSize = new TextField("50");
    final ComboBox<String> clip = combo(List.of(""), t -> t.isEmpty() ? Messages.get("gui.analysis.none") : t);
    final ComboBox<String> zones = combo(List.of(""), t -> t.isEmpty() ? Messages.get("gui.noise.zones.auto") : t);
    final TextField zoneColumn = new TextField(NoiseMapRequest.DEFAULT_ZONE_COLUMN);
    final TextField step = new TextField();
    final CheckBox showVariance = new CheckBox(Messages.get("gui.noise.show_variance"));
    final CheckBox showBands = new CheckBox(Messages.get("gui.noise.show_bands"));
    final CheckBox showLines = new CheckBox(Messages.get("gui.noise.show_lines"));
    final TextField name = new TextField();

    private final GridPane grid = new GridPane();
    private double kappa = 0.5;

    NoiseMapForm() {
        kind.setValue(StationKind.NOISE);
        survey.getItems().setAll("regional", "road_traffic", "");
        survey.setEditable(true);
        survey.setValue("regional");
        period.setValue(ReadingPeriod.DAY);
        method.setValue(Method.OK);
        transform.setValue(ValueTransform.NONE);
        shape.setValue(VariogramShape.SPHERICAL);
        fitModel.setSelected(true);
        crossValidate.setSelected(true);
        showVariance.setSelected(true);
        showLines.setSelected(true);
        clip.setValue("");
        zones.setValue("");
        nmax.setPromptText(Messages.get("gui.noise.nmax_all"));
        step.setPromptText(Messages.get("gui.noise.step_auto"));
        name.setPromptText(defaultName());
        for (TextField f : new TextField[]{power, nmax, nugget, psill, range, cellSize, step, zoneColumn}) {
            f.setPrefColumnCount(7);
        }
        parameter.setPrefColumnCount(10);
        name.setPrefColumnCount(16);
        ids();

        kind.valueProperty().addListener((o, a, k) -> {
            boolean noise = k == StationKind.NOISE;
            survey.setValue(noise ? "regional" : "");
            period.setValue(noise ? ReadingPeriod.DAY : ReadingPeriod.ALL);
            if (!noise && transform.getValue() == ValueTransform.ENERGETIC) {
                transform.setValue(ValueTransform.NONE);
            }
        });
        period.valueProperty().addListener((o, a, b) -> name.setPromptText(defaultName()));
        parameter.textProperty().addListener((o, a, b) -> name.setPromptText(defaultName()));
        method.valueProperty().addListener((o, a, b) -> enable());
        fitModel.selectedProperty().addListener((o, a, b) -> enable());
        enable();

        grid.setHgap(8);
        grid.setVgap(5);
        grid.setPadding(new Insets(10));
        int r = 0;
        r = section(r, "gui.noise.section.data");
        r = row(r, "gui.noise.kind", kind, "gui.noise.parameter", parameter);
        r = row(r, "gui.noise.survey", survey, "gui.noise.period", period);
        r = row(r, "gui.noise.from", from, "gui.noise.to", to);
        r = section(r, "gui.noise.section.method");
        r = row(r, "gui.noise.method", method, "gui.noise.transform", transform);
        r = row(r, "gui.noise.power", power, "gui.noise.nmax", nmax);
        r = row(r, "gui.noise.shape", shape, null, fitModel);
        r = row(r, "gui.noise.nugget", nugget, "gui.noise.psill", psill);
        r = row(r, "gui.noise.range", range, null, crossValidate);
        r = section(r, "gui.noise.section.map");
        r = row(r, "gui.noise.cell_size", cellSize, "gui.noise.step", step);
        r = row(r, "gui.noise.clip", clip, null, showVariance);
        r = row(r, "gui.noise.zones", zones, "gui.noise.zone_column", zoneColumn);
        r = row(r, "gui.noise.name", name, null, showLines);
        grid.add(showBands, 2, r, 2, 1);
        tip(transform, "gui.noise.transform.tip");
        tip(method, "gui.noise.method.tip");
        tip(nmax, "gui.noise.nmax.tip");
        tip(step, "gui.noise.step.tip");
        tip(zones, "gui.noise.zones.tip");
    }

    private void ids() {
        kind.setId("noiseKind");
        parameter.setId("noiseParameter");
        survey.setId("noiseSurvey");
        period.setId("noisePeriod");
        from.setId("noiseFrom");
        to.setId("noiseTo");
        method.setId("noiseMethod");
        transform.setId("noiseTransform");
        power.setId("noisePower");
        nmax.setId("noiseNmax");
        shape.setId("noiseShape");
        fitModel.setId("noiseFitModel");
        nugget.setId("noiseNugget");
        psill.setId("noisePsill");
        range.setId("noiseRange");
        crossValidate.setId("noiseCrossValidate");
        cellSize.setId("noiseCellSize");
        clip.setId("noiseClip");
        zones.setId("noiseZones");
        zoneColumn.setId("noiseZoneColumn");
        step.setId("noiseStep");
        showVariance.setId("noiseShowVariance");
        showBands.setId("noiseShowBands");
        showLines.setId("noiseShowLines");
        name.setId("noiseName");
    }

    Node node() {
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Offers the store's polygon layers as clip and zones, choosing the sample's built-up area and zones. */
    void setPolygonLayers(List<String> tables) {
        String clipNow = clip.getValue(), zonesNow = zones.getValue();
        clip.getItems().setAll("");
        clip.getItems().addAll(tables);
        zones.getItems().setAll("");
        zones.getItems().addAll(tables);
        clip.setValue(clipNow != null && !clipNow.isEmpty() && tables.contains(clipNow) ? clipNow
                : tables.contains(DEFAULT_CLIP) ? DEFAULT_CLIP : "");
        zones.setValue(zonesNow != null && tables.contains(zonesNow) ? zonesNow : "");
    }

    private void enable() {
        Method m = method.getValue();
        boolean kriging = m == Method.OK;
        power.setDisable(m != Method.IDW);
        shape.setDisable(!kriging);
        fitModel.setDisable(!kriging);
        boolean fixed = kriging && !fitModel.isSelected();
        nugget.setDisable(!fixed);
        psill.setDisable(!fixed);
        range.setDisable(!fixed);
    }

    /** The map's name when the user gave none: noise_map_day, noise_map_night, or map_PARAMETER. */
    String defaultName() {
        if (kind.getValue() == StationKind.NOISE && period.getValue() != null && period.getValue() != ReadingPeriod.ALL) {
            return "noise_map_" + period.getValue().name().toLowerCase(Locale.ROOT);
        }
        String p = parameter.getText() == null ? "" : parameter.getText().trim();
        return FeatureTables.tableName("map_" + (p.isEmpty() ? "value" : p));
    }

    /** The map's name as a table name. */
    String mapName() {
        String n = name.getText() == null ? "" : name.getText().trim();
        return FeatureTables.tableName(n.isEmpty() ? defaultName() : n);
    }

    StationSelection selection() {
        String p = parameter.getText() == null ? "" : parameter.getText().trim();
        if (p.isEmpty()) {
            throw new UserException("gui.analysis.field_empty", Messages.get("gui.noise.parameter"));
        }
        String s = survey.getValue() == null ? "" : survey.getValue().trim();
        return new StationSelection(kind.getValue(), p, s.isEmpty() ? null : s, period.getValue(), from.getValue(),
                to.getValue());
    }

    InterpolationSettings settings() {
        InterpolationSettings s = InterpolationSettings.defaults().withMethod(method.getValue())
                .withTransform(transform.getValue()).withCrossValidation(crossValidate.isSelected());
        if (method.getValue() == Method.IDW) {
            s = s.withPower(positive(power, "gui.noise.power"));
        }
        String n = nmax.getText() == null ? "" : nmax.getText().trim();
        if (!n.isEmpty()) {
            int k = (int) positive(nmax, "gui.noise.nmax");
            s = s.withNeighbourhood(Neighbourhood.nearest(k));
        }
        if (method.getValue() == Method.OK) {
            VariogramShape sh = shape.getValue();
            double k = sh == VariogramShape.MATERN ? (kappa == 0.5 ? 1.5 : kappa) : 0.5;
            s = s.withFittedShape(sh, k);
            if (!fitModel.isSelected()) {
                s = s.withModel(new VariogramModel(number(nugget, "gui.noise.nugget"), sh,
                        positive(psill, "gui.noise.psill"), positive(range, "gui.noise.range"), k));
            }
        }
        return s;
    }

    /** The whole request (throws a {@link UserException} naming the field for a value that is not a number). */
    NoiseMapRequest request() {
        NoiseMapRequest r = NoiseMapRequest.defaults().withSelection(selection()).withInterpolation(settings())
                .withCellSize(positive(cellSize, "gui.noise.cell_size"));
        String c = clip.getValue();
        if (c != null && !c.isEmpty()) {
            r = r.withClip(LayerSource.storeLayer(c));
        }
        String z = zones.getValue();
        String column = zoneColumn.getText() == null || zoneColumn.getText().isBlank()
                ? NoiseMapRequest.DEFAULT_ZONE_COLUMN : zoneColumn.getText().trim();
        r = r.withZones(z == null || z.isEmpty() ? null : LayerSource.storeLayer(z), column);
        String st = step.getText() == null ? "" : step.getText().trim();
        if (!st.isEmpty()) {
            r = r.withStep(positive(step, "gui.noise.step"));
        }
        return r;
    }

    /**
     * Shows the method a fit ended with (the automatic choice's winner, or a fitted model): the method, IDW power
     * or model shape, and the model's nugget, partial sill and range.
     */
    void fillFrom(FittedInterpolation fit) {
        VariogramModel m = fit.model();
        if (m != null) {
            method.setValue(Method.OK);
            shape.setValue(m.shape());
            kappa = m.kappa();
            nugget.setText(plain(m.nugget()));
            psill.setText(plain(m.partialSill()));
            range.setText(plain(m.range()));
        } else if (fit.interpolator() instanceof InverseDistanceWeighting idw) {
            method.setValue(Method.IDW);
            power.setText(plain(idw.power()));
        }
        enable();
    }

    private static double number(TextField f, String labelKey) {
        String t = f.getText() == null ? "" : f.getText().trim().replace(',', '.');
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserException("gui.analysis.not_a_number", Messages.get(labelKey), t);
    }

    private static double positive(TextField f, String labelKey) {
        double v = number(f, labelKey);
        if (!(v > 0)) {
            throw new UserException("gui.analysis.not_positive", Messages.get(labelKey), f.getText().trim());
        }
        return v;
    }

    private int section(int r, String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("form-section");
        if (r > 0) {
            GridPane.setMargin(l, new Insets(8, 0, 0, 0));
        }
        grid.add(l, 0, r, 4, 1);
        return r + 1;
    }

    /** A number to 7 significant digits, as a user would type it. */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
    }

    private int row(int r, String key1, Node c1, String key2, Node c2) {
        grid.add(label(key1), 0, r);
        grid.add(c1, 1, r);
        if (c2 != null) {
            if (key2 != null) {
                grid.add(label(key2), 2, r);
                grid.add(c2, 3, r);
            } else {
                grid.add(c2, 2, r, 2, 1);
            }
        }
        return r + 1;
    }

    /** A field's label, never shortened with an ellipsis. */
    private static Label label(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static void tip(Control c, String key) {
        c.setTooltip(new Tooltip(Messages.get(key)));
    }

    static <T> ComboBox<T> combo(List<T> values, Function<T, String> text) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return c.getItems().stream().filter(t -> text.apply(t).equals(s)).findFirst().orElse(null);
            }
        });
        return c;
    }
}
