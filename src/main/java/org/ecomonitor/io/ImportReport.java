package org.ecomonitor.io;

import org.ecomonitor.model.Rejection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import did: counts, the rejected rows with where and why, and file-level notices. Rejections are all
 * counted; the first {@link #MAX_LISTED} are kept for listing.
 */
public final class ImportReport {

    public static final int MAX_LISTED = 100_000;

    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private long rejected;
    long stationsInserted;
    long stationsUpdated;
    long stationsUnchanged;
    long features;
    long readingsSubmitted;
    long readingsInserted;
    long readingsUpdated;
    long readingsUnchanged;
    long importId;
    boolean landed;
    List<org.ecomonitor.analysis.alarm.Alarm> alarms = List.of();
    double importSeconds;
    double alarmSeconds;

    void reject(Rejection r) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(r);
        }
    }

    void notice(Notice n) {
        if (!notices.contains(n)) {
            notices.add(n);
        }
    }

    void file(String name) {
        files.add(name);
    }

    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    public List<Notice> notices() {
        return Collections.unmodifiableList(notices);
    }

    public List<String> files() {
        return Collections.unmodifiableList(files);
    }

    public long rejectedCount() {
        return rejected;
    }

    public long stationsInserted() {
        return stationsInserted;
    }

    public long stationsUpdated() {
        return stationsUpdated;
    }

    public long stationsUnchanged() {
        return stationsUnchanged;
    }

    public long features() {
        return features;
    }

    public long readingsSubmitted() {
        return readingsSubmitted;
    }

    public long readingsInserted() {
        return readingsInserted;
    }

    public long readingsUpdated() {
        return readingsUpdated;
    }

    public long readingsUnchanged() {
        return readingsUnchanged;
    }

    /** The alarms the imported readings raised (new ones only). */
    public List<org.ecomonitor.analysis.alarm.Alarm> alarms() {
        return alarms;
    }

    /** Wall time of the import's transaction (reading, checking and writing the data). */
    public double importSeconds() {
        return importSeconds;
    }

    /** Wall time of the alarm rules' evaluation that follows the import. */
    public double alarmSeconds() {
        return alarmSeconds;
    }

    /** The import_log id, or 0 when nothing landed. */
    public long importId() {
        return importId;
    }

    /** False when a strict import rejected rows and therefore wrote nothing. */
    public boolean landed() {
        return landed;
    }
}
