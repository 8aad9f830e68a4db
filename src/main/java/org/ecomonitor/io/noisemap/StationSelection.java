package org.ecomonitor.io.noisemap;

import org.ecomonitor.model.StationKind;

import java.time.LocalDate;

/**
 * Which stations and readings of a store a map is made from.
 *
 * @param kind      the stations' kind (noise by default)
 * @param parameter the parameter's code or a header naming it ("leq", "soil_hg", "汞")
 * @param survey    the stations' {@code survey} attribute to keep ("regional", "road_traffic"), or null for all
 * @param period    the readings' period of the day
 * @param from      first local date of the readings, inclusive, or null
 * @param to        last local date of the readings, inclusive, or null
 */
public record StationSelection(StationKind kind, String parameter, String survey, ReadingPeriod period,
                               LocalDate from, LocalDate to) {

    /** The station attribute that names the survey a noise point belongs to. */
    public static final String SURVEY_ATTRIBUTE = "survey";

    public StationSelection {
        if (kind == null || parameter == null || period == null) {
            throw new IllegalArgumentException("kind, parameter and period are required");
        }
    }

    /** The regional (grid) noise survey's Leq in the period: HJ 640-2012's regional assessment. */
    public static StationSelection regionalNoise(ReadingPeriod period) {
        return new StationSelection(StationKind.NOISE, "leq", "regional", period, null, null);
    }

    /** All stations of a kind with all readings of a parameter. */
    public static StationSelection of(StationKind kind, String parameter) {
        return new StationSelection(kind, parameter, null, ReadingPeriod.ALL, null, null);
    }

    public StationSelection withPeriod(ReadingPeriod p) {
        return new StationSelection(kind, parameter, survey, p, from, to);
    }

    public StationSelection withSurvey(String s) {
        return new StationSelection(kind, parameter, s, period, from, to);
    }

    public StationSelection withDates(LocalDate first, LocalDate last) {
        return new StationSelection(kind, parameter, survey, period, first, last);
    }
}
