package io.citypulse.ingest.reading.format;

import java.time.Instant;

/**
 * One SenML record after base-field resolution (RFC 8428, section 4.6): name and base name joined,
 * base time added and relative time made absolute, base unit, base value and base sum applied.
 * Exactly one of the four value fields is set, or none when the record carries only a sum.
 *
 * @param index position of the record in its pack
 * @param unit the resolved unit, or {@code null} when neither {@code u} nor {@code bu} was set
 * @param sum the resolved sum, or {@code null} when neither {@code s} nor {@code bs} was set
 */
public record SenmlRecord(
    int index,
    String name,
    String unit,
    Instant time,
    Double value,
    String stringValue,
    Boolean booleanValue,
    String dataValue,
    Double sum) {}
