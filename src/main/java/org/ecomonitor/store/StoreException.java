package org.ecomonitor.store;

import org.ecomonitor.i18n.UserException;

/** A failure of the store's SQLite database (disk full, locked file, corrupt page ...). */
public class StoreException extends UserException {
    public StoreException(Throwable cause) {
        super(cause, "store.failure", ProjectStore.rootMessage(cause));
    }
}
