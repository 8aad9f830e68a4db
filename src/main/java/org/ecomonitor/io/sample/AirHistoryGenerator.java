package org.ecomonitor.io.sample;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic hourly ambient-air history (PM2.5, PM10, SO2, NO2, CO, O3) for the sample's automatic air stations,
 * reproducible from a seed: the same seed, stations and period give the same values, in the same order.
 * <p>
 * What it plants, so that trends, standards and alarms have something to find: winter-high particulates and
 * summer-afternoon ozone (seasonal and diurnal cycles), a slow improvement of about 3 % a year, multi-day
 * pollution episodes (an AR(1) process on the log scale, hourly persistence 0.97, stationary sd 0.5) with daily PM2.5 above
 * the 75 µg/m³ limit in winter, a spring dust event (PM10 above 350 µg/m³), ozone afternoons above 200 µg/m³
 * in summer, higher SO2 at stations tagged industrial, a daily calibration hour (flag C), maintenance days
 * (flag M), short communication outages (no data), one five-day station outage a year (a data gap), and a
 * stuck SO2 sensor (the same value for 36 hours) at the first station each year. All values are synthetic.
 * Cost: O(stations x hours); about 3.6 million readings for 23 stations over three years.
 */
public final class AirHistoryGenerator {

    public static final String NAME = "air-history";
    public static final List<String> PARAMETERS = List.of("a34004", "a34002", "a21026", "a21004", "a21005", "a05024");

    private final long seed;
    private final LocalDate from;
    private final LocalDate to;

    public AirHistoryGenerator(long seed, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new UserException("sample.period_empty", from, to);
        }
        this.seed = seed;
        this.from = from;
        this.to = to;
    }

    /** From manifest options: seed, from, to (ISO dates, "to" exclusive). */
    public AirHistoryGenerator(Map<String, String> options) {
        this(Long.parseLong(options.getOrDefault("seed", "20220101")),
                LocalDate.parse(options.getOrDefault("from", "2022-01-01")),
                LocalDate.parse(options.getOrDefault("to", "2025-01-01")));
    }

    /** Number of readings slots (before gaps) this generator fills per station. */
    public long hours() {
        ZoneId z = Station.DEFAULT_ZONE;
        return (to.atStartOfDay(z).toEpochSecond() - from.atStartOfDay(z).toEpochSecond()) / 3600;
    }

    public void generate(List<Station> stations, ReadingSink sink, Progress progress) {
        long hours = hours();
        progress.start("air history", hours * stations.size());
        for (int i = 0; i < stations.size(); i++) {
            progress.checkCancelled();
            station(i, stations.get(i), hours, sink, progress);
            progress.update(hours * (i + 1L));
        }
    }

    private void station(int index, Station s, long hours, ReadingSink sink, Progress progress) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + s.code().hashCode());
        boolean industrial = "industrial".equals(s.attribute("setting"));
        boolean urban = "urban".equals(s.attribute("setting"));
        double siteFactor = 0.85 + 0.3 * rnd.nextDouble();
        ZoneId zone = s.zone();
        ZonedDateTime start = from.atStartOfDay(zone);
        long t0 = start.toInstant().toEpochMilli();
        double episode = 0;
        int outageLeft = 0;
        int maintenanceLeft = 0;
        int calibrationHour = 2 + rnd.nextInt(3);
        int stuckLeft = 0;
        double stuckValue = 0;
        int lastYear = -1;
        int bigOutageDay = -1;
        int dustDay = -1;
        int dayOfPeriod = 0;
        for (long h = 0; h < hours; h++) {
            if ((h & 0xFFF) == 0) {
                progress.checkCancelled();
            }
            long instant = t0 + h * 3_600_000L;
            ZonedDateTime local = start.plusHours(h);
            int hour = local.getHour();
            int doy = local.getDayOfYear();
            int year = local.getYear();
            if (hour == 0) {
                dayOfPeriod = (int) (h / 24);
            }
            if (year != lastYear) {
                lastYear = year;
                bigOutageDay = 60 + rnd.nextInt(240);
                dustDay = 70 + rnd.nextInt(40);
                if (index == 0) {
                    stuckLeft = 0;
                }
            }
            double yearsIn = h / 8766.0;
            double trend = Math.pow(0.97, yearsIn);
            // seasonal cycle: particulates peak in mid January, ozone in late May to July
            double winter = Math.cos(2 * Math.PI * (doy - 15) / 365.25);
            double summer = Math.cos(2 * Math.PI * (doy - 175) / 365.25);
            episode = 0.97 * episode + 0.12 * gaussian(rnd); // stationary sd of the log about 0.5
            double pmDiurnal = 1 + 0.15 * Math.cos(2 * Math.PI * (hour - 9) / 24) + 0.1 * Math.cos(2 * Math.PI * (hour - 21) / 12);
            double pm25 = 27 * siteFactor * trend * (1 + 0.5 * winter) * pmDiurnal * Math.exp(episode - 0.12);
            double pm10 = pm25 * (1.55 + 0.15 * rnd.nextDouble());
            if (doy >= dustDay && doy < dustDay + 2) {
                pm10 += 280 + 120 * Math.sin(Math.PI * ((doy - dustDay) * 24 + hour) / 48.0);
                pm25 += 40;
            }
            double so2 = (industrial ? 26 : 9) * siteFactor * trend * (1 + 0.35 * winter) * Math.exp(0.6 * episode - 0.05)
                    * (1 + 0.25 * gaussian(rnd) * 0.3);
            double trafficPeak = Math.exp(-Math.pow(hour - 8, 2) / 4.0) + Math.exp(-Math.pow(hour - 19, 2) / 6.0);
            double no2 = (urban ? 26 : 16) * siteFactor * trend * (1 + 0.3 * winter) * (0.7 + 0.6 * trafficPeak)
                    * Math.exp(0.5 * episode);
            double co = 0.75 * siteFactor * (1 + 0.35 * winter) * Math.exp(0.5 * episode) * (0.9 + 0.2 * trafficPeak);
            double sunlight = Math.max(0, Math.cos(2 * Math.PI * (hour - 15) / 24));
            double o3 = (25 + 95 * (0.55 + 0.45 * summer) * sunlight * sunlight) * (0.9 + 0.25 * rnd.nextDouble())
                    * Math.exp(0.25 * episode) * (urban ? 0.9 : 1.05) / Math.pow(trend, 0.5);
            if (doy > 150 && doy < 220 && hour >= 13 && hour <= 17 && rnd.nextDouble() < 0.08) {
                o3 += 60 + 60 * rnd.nextDouble();
            }

            // data availability
            if (outageLeft == 0 && rnd.nextDouble() < 1.0 / 700) {
                outageLeft = 2 + rnd.nextInt(24);
            }
            boolean bigOutage = doy >= bigOutageDay && doy < bigOutageDay + 5;
            if (outageLeft > 0 || bigOutage) {
                if (outageLeft > 0) {
                    outageLeft--;
                }
                continue;
            }
            if (maintenanceLeft == 0 && hour == 9 && rnd.nextDouble() < 1.0 / 45) {
                maintenanceLeft = 6 + rnd.nextInt(6);
            }
            Flag flag = Flag.N;
            if (maintenanceLeft > 0) {
                maintenanceLeft--;
                flag = Flag.M;
            } else if (hour == calibrationHour && dayOfPeriod % 7 == index % 7) {
                flag = Flag.C;
            } else if (rnd.nextDouble() < 0.0005) {
                flag = Flag.D;
            }
            if (index == 0 && doy == 200 && hour == 0) {
                stuckLeft = 36;
                stuckValue = Math.round(so2);
            }
            double so2Out = Math.round(so2);
            if (stuckLeft > 0) {
                stuckLeft--;
                so2Out = stuckValue;
            }
            sink.accept(s.code(), "a34004", instant, Math.max(1, Math.round(pm25)), flag);
            sink.accept(s.code(), "a34002", instant, Math.max(1, Math.round(pm10)), flag);
            sink.accept(s.code(), "a21026", instant, Math.max(1, so2Out), flag);
            sink.accept(s.code(), "a21004", instant, Math.max(1, Math.round(no2)), flag);
            sink.accept(s.code(), "a21005", instant, Math.max(0.1, Math.round(co * 10) / 10.0), flag);
            sink.accept(s.code(), "a05024", instant, Math.max(1, Math.round(o3)), flag);
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 21's interface without RandomGenerator
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
