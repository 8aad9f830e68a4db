package org.ecomonitor.analysis.aggregate;

/** Why an aggregate is missing. Display texts: bundle keys {@code aggregate.missing.<name>}. */
public enum MissingReason {
    /** the aggregate is valid */
    NONE,
    /** no accepted value in the period */
    NO_DATA,
    /** fewer accepted values than the validity rule requires */
    TOO_FEW_VALUES;

    public String messageKey() {
        return switch (this) {
            case NONE -> "aggregate.missing.none";
            case NO_DATA -> "aggregate.missing.noData";
            case TOO_FEW_VALUES -> "aggregate.missing.tooFew";
        };
    }
}
