package org.ecomonitor.analysis.standards;

/**
 * Agricultural land uses GB 15618-2018 distinguishes: paddy fields (水田) for Cd, Hg, As, Pb, Cr; orchards (果园)
 * for Cu; all other agricultural land (其他). For a paddy-upland rotation field the standard takes the stricter
 * of the two values; the caller assesses both and keeps the worse class.
 */
public enum SoilLandUse {
    PADDY,
    ORCHARD,
    OTHER
}
