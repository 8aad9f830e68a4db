package org.ecomonitor.gui.sync;

import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.sync.SyncState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync slot of the status bar ({@code #syncStatus}): offline, online, syncing with its progress, login
 * required or the last error; the time of the last sync, the local changes waiting and the open conflicts. A
 * click opens the sync log.
 */
public final class SyncStatusIndicator {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> STATE_CLASSES = List.of("sync-offline", "sync-online", "sync-syncing", "sync-error",
            "sync-conflicts");

    private final ProgressBar progress = new ProgressBar();
    private final Tooltip tooltip = new Tooltip();
    private final Runnable openLog;
    private Label label;
    private SyncState state;

    public SyncStatusIndicator(Runnable openLog) {
        this.openLog = openLog;
        progress.setPrefWidth(60);
        progress.setPrefHeight(10);
    }

    /** Takes over the status bar's label (again after the bar was rebuilt). */
    public void attach(Label slot) {
        label = slot;
        label.setCursor(Cursor.HAND);
        label.setOnMouseClicked(e -> openLog.run());
        label.setTooltip(tooltip);
        show(state);
    }

    /** Shows a state (FX thread); null: no project or no sync. */
    public void show(SyncState s) {
        state = s;
        if (label == null) {
            return;
        }
        label.getStyleClass().removeAll(STATE_CLASSES);
        label.setGraphic(null);
        if (s == null) {
            label.setText(Messages.get("gui.status.sync_none"));
            tooltip.setText(Messages.get("gui.sync.tip.none"));
            return;
        }
        label.setText(text(s));
        tooltip.setText(Messages.get("gui.sync.tip", text(s)));
        switch (s.status()) {
            case SYNCING -> {
                label.getStyleClass().add("sync-syncing");
                progress.setProgress(s.total() > 0 ? Math.min(1, (double) s.done() / s.total()) : -1);
                label.setGraphic(progress);
            }
            case ONLINE -> label.getStyleClass().add("sync-online");
            case ERROR, LOGIN_REQUIRED -> label.getStyleClass().add("sync-error");
            default -> label.getStyleClass().add("sync-offline");
        }
        if (s.conflicts() > 0) {
            label.getStyleClass().add("sync-conflicts");
        }
    }

    /** The status line text of a state, in the current language. */
    public static String text(SyncState s) {
        String head = switch (s.status()) {
            case NOT_CONFIGURED -> Messages.get("gui.status.sync_none");
            case OFFLINE -> Messages.get("gui.sync.status.offline");
            case ONLINE -> Messages.get("gui.sync.status.online");
            case SYNCING -> Messages.get("gui.sync.status.syncing", phase(s.phase()),
                    s.total() > 0 ? s.done() + "/" + s.total() : Long.toString(s.done()));
            case LOGIN_REQUIRED -> Messages.get("gui.sync.status.login");
            case ERROR -> Messages.get("gui.sync.status.error");
        };
        List<String> parts = new ArrayList<>();
        parts.add(head);
        if (s.status() != SyncState.Status.NOT_CONFIGURED) {
            parts.add(s.lastSyncMs() > 0 ? Messages.get("gui.sync.status.last", time(s.lastSyncMs())) : Messages.get("gui.sync.status.never"));
        }
        if (s.pending() > 0) {
            parts.add(Messages.get("gui.sync.status.pending", s.pending()));
        }
        if (s.conflicts() > 0) {
            parts.add(Messages.get("gui.sync.status.conflicts", s.conflicts()));
        }
        return String.join(" · ", parts);
    }

    private static String phase(String p) {
        if (p == null || p.equals("push")) {
            return Messages.get("sync.progress.push");
        }
        if (p.equals("pull")) {
            return Messages.get("sync.progress.pull");
        }
        return p;
    }

    /** HH:mm today, else the date too. */
    static String time(long ms) {
        var t = Instant.ofEpochMilli(ms).atZone(ZoneId.systemDefault());
        return (t.toLocalDate().equals(LocalDate.now()) ? TODAY : EARLIER).format(t);
    }

    public SyncState state() {
        return state;
    }
}
