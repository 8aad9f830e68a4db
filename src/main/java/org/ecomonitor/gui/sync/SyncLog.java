package org.ecomonitor.gui.sync;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecomonitor.sync.SyncState;

import java.util.Objects;

/**
 * What sync did in this session, for the sync log window: every change of status (offline, online, syncing,
 * login required, error with its message) and what the user did (settings, login, conflicts resolved). Progress
 * updates within a sync are not entries. FX thread only.
 */
public final class SyncLog {

    /** One entry: when (epoch ms), the status then (null for a user action), and the text. */
    public record Entry(long time, SyncState.Status status, String text, boolean error) {
    }

    /** Entries kept at most (the oldest go first). */
    static final int MAX = 2000;

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private SyncState last;

    /** Records a state when its status, phase or message differs from the last one recorded. */
    public void record(SyncState s, String text) {
        if (last != null && last.status() == s.status() && Objects.equals(last.message(), s.message())
                && (s.status() != SyncState.Status.SYNCING || Objects.equals(last.phase(), s.phase()))) {
            last = s;
            return;
        }
        last = s;
        add(new Entry(System.currentTimeMillis(), s.status(), text, s.status() == SyncState.Status.ERROR));
    }

    /** Records something the user did, or a failure outside the sync thread. */
    public void note(String text, boolean error) {
        add(new Entry(System.currentTimeMillis(), null, text, error));
    }

    private void add(Entry e) {
        entries.add(e);
        if (entries.size() > MAX) {
            entries.remove(0, entries.size() - MAX);
        }
    }

    public ObservableList<Entry> entries() {
        return entries;
    }
}
