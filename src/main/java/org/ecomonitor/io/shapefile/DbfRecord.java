package org.ecomonitor.io.shapefile;

import java.util.Map;

/**
 * One row of a dBASE table.
 *
 * @param number  1-based record number, as in error messages
 * @param deleted true when the row carries the deletion mark '*'
 * @param values  field name to value (types per {@link AttributeType}; null for blank), in field order
 */
public record DbfRecord(int number, boolean deleted, Map<String, Object> values) {
}
