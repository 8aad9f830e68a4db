package org.ecomonitor.gui.alarms;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.ecomonitor.i18n.Messages;

import java.util.List;

/**
 * The popup in the corner of the main window when an import or a sync brought new alarms (ControlsFX
 * Notifications): how many, the first few messages, and a click opens the alarm list.
 */
public final class AlarmNotifier {

    /** How many messages the popup quotes. */
    static final int QUOTED = 3;

    private String lastText;

    /**
     * Shows the popup for {@code count} new alarms with their messages (the first few are quoted).
     *
     * @param sourceKey what brought them: gui.alarms.after_import or gui.alarms.after_sync
     */
    public void notifyNew(Window owner, String sourceKey, int count, List<String> messages, Runnable openList) {
        if (count <= 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(QUOTED, messages.size()); i++) {
            text.append("• ").append(messages.get(i)).append('\n');
        }
        if (count > QUOTED) {
            text.append(Messages.get("gui.alarms.more", count - QUOTED)).append('\n');
        }
        text.append(Messages.get("gui.alarms.click_to_open"));
        lastText = Messages.get(sourceKey, count) + "\n" + text;
        Notifications.create()
                .owner(owner)
                .title(Messages.get(sourceKey, count))
                .text(text.toString())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(12))
                .onAction(e -> openList.run())
                .showWarning();
    }

    /** The text of the last popup (tests). */
    public String lastText() {
        return lastText;
    }
}
