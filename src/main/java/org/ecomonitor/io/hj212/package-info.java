/**
 * HJ 212-2017 ("污染物在线监控（监测）系统数据传输标准") packet codec, written by hand for this project:
 * {@link org.ecomonitor.io.hj212.Hj212Crc} computes the standard's CRC, {@link org.ecomonitor.io.hj212.Hj212Packet}
 * parses and formats packets, {@link org.ecomonitor.io.hj212.Hj212Parser} turns lines of packets into per-pollutant
 * {@link org.ecomonitor.io.hj212.Hj212Measurement}s and gives an {@link org.ecomonitor.io.hj212.Hj212Rejection} with
 * a reason for everything it does not read.
 * <p>
 * Reference: src/main/resources/org/ecomonitor/standards/hj212_2017_reference.md (packet layout, CRC and the
 * standard's example packet, which the tests use as their test vector).
 */
package org.ecomonitor.io.hj212;
