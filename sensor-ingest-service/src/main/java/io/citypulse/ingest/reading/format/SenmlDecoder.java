package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.ingest.reading.Candidate;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import io.citypulse.ingest.registry.Units;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes SenML JSON packs (RFC 8428): a JSON array of records whose first record has at least one
 * SenML label.
 *
 * <p>Base fields apply to their own record and every later one until replaced (section 4.1): the
 * name is base name plus name, the time is base time plus time, the unit is {@code u} or else
 * {@code bu}, the value is base value plus value and the sum is base sum plus sum. Times are epoch
 * seconds with an optional fraction. A resolved time below 2^28 is relative to {@code now}
 * (negative is in the past); a resolved time of 10^11 or more looks like epoch milliseconds and is
 * rejected as invalid_timestamp.
 *
 * <p>The sensor id is the resolved name, so {@code "bn":"rathaus-og1-raum12-"} plus {@code
 * "n":"temp"} feeds sensor {@code rathaus-og1-raum12-temp}. A name starting with {@code urn:} feeds
 * the sensor named by its last {@code :}-separated segment.
 *
 * <p>A record with a numeric value ({@code v}) becomes a reading of that value. A record with only
 * a sum ({@code s}) becomes a reading of the sum, whose unit is the record's unit times seconds
 * (section 4.2), so {@code W} becomes {@code J}. A record with {@code vs}, {@code vb} or {@code vd}
 * is rejected as value_not_numeric. {@code ut} and unknown fields are ignored. A field whose name
 * ends in {@code _} is one the receiver must understand (section 4.4), so it rejects the whole
 * pack, as does a {@code bver} above 10.
 */
public final class SenmlDecoder {

  /** SenML version of RFC 8428; a pack with a higher {@code bver} needs fields we do not know. */
  static final int SUPPORTED_VERSION = 10;

  /** Resolved times below 2^28 seconds are relative to now (RFC 8428, section 4.5.3). */
  static final BigDecimal RELATIVE_TIME_LIMIT = BigDecimal.valueOf(1L << 28);

  private static final Set<String> LABELS =
      Set.of("bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut");

  private static final List<String> VALUE_LABELS = List.of("v", "vs", "vb", "vd");

  /** Labels that make a record more than a carrier of base fields. */
  private static final List<String> RECORD_LABELS = List.of("n", "u", "t", "ut");

  private static final Map<String, String> BASE_FIELD_TYPES =
      Map.of("bn", "string", "bt", "number", "bu", "string", "bv", "number", "bs", "number");

  private SenmlDecoder() {}

  /** Result of resolving a pack: resolved records, and the records or the pack that failed. */
  public record Resolution(List<SenmlRecord> records, List<Rejection> rejections) {}

  public static boolean accepts(JsonNode root) {
    if (!root.isArray() || root.isEmpty() || !root.get(0).isObject()) {
      return false;
    }
    Iterator<String> names = root.get(0).fieldNames();
    while (names.hasNext()) {
      if (LABELS.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  /** Decodes a pack into readings; {@code now} anchors relative times. */
  public static DecodedRecord decode(JsonNode pack, String text, Instant now) {
    Resolution resolution = resolve(pack, text, now);
    List<Candidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>(resolution.rejections());
    for (SenmlRecord record : resolution.records()) {
      toReading(record, candidates, rejections);
    }
    return new DecodedRecord(candidates, rejections);
  }

  /** Resolves the base fields of a pack (RFC 8428, section 4.6), keeping the pack's order. */
  public static Resolution resolve(JsonNode pack, String text, Instant now) {
    Rejection packRejection = checkPack(pack, text);
    if (packRejection != null) {
      return new Resolution(List.of(), List.of(packRejection));
    }
    BaseFields base = new BaseFields();
    List<SenmlRecord> records = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (int index = 0; index < pack.size(); index++) {
      JsonNode record = pack.get(index);
      if (!record.isObject()) {
        rejections.add(
            new Rejection(
                ReasonCode.UNSUPPORTED_FORMAT,
                "SenML record "
                    + index
                    + " is a JSON "
                    + record.getNodeType()
                    + ", expected an object",
                null,
                record.toString(),
                index));
        continue;
      }
      base.update(record);
      SenmlRecordResolver.Result result = SenmlRecordResolver.resolve(record, index, base, now);
      if (result.record() != null) {
        records.add(result.record());
      } else if (result.rejection() != null) {
        rejections.add(result.rejection());
      }
    }
    return new Resolution(records, rejections);
  }

  /** Returns the sensor id a resolved name addresses. */
  static String sensorIdOf(String name) {
    if (name.regionMatches(true, 0, "urn:", 0, 4)) {
      return name.substring(name.lastIndexOf(':') + 1);
    }
    return name;
  }

  private static Rejection checkPack(JsonNode pack, String text) {
    for (JsonNode record : pack) {
      if (!record.isObject()) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String problem = checkField(field.getKey(), field.getValue());
        if (problem != null) {
          ReasonCode code =
              field.getKey().endsWith("_")
                  ? ReasonCode.UNKNOWN_MANDATORY_FIELD
                  : ReasonCode.UNSUPPORTED_FORMAT;
          return new Rejection(code, problem, null, text, 0);
        }
      }
    }
    return null;
  }

  private static String checkField(String label, JsonNode value) {
    if (label.endsWith("_")) {
      return "SenML field '"
          + label
          + "' ends in '_', so the receiver must understand it (RFC 8428, section 4.4), and this"
          + " service does not; the whole pack is rejected";
    }
    if (label.equals("bver")) {
      boolean supported =
          value.isIntegralNumber() && value.asLong() >= 1 && value.asLong() <= SUPPORTED_VERSION;
      return supported
          ? null
          : "SenML version 'bver' is "
              + value
              + ", expected an integer up to "
              + SUPPORTED_VERSION
              + "; the pack may use fields this service does not know";
    }
    String type = BASE_FIELD_TYPES.get(label);
    boolean matches =
        type == null || (type.equals("string") ? value.isTextual() : isFiniteNumber(value));
    return matches
        ? null
        : "SenML base field '"
            + label
            + "' is "
            + value
            + ", expected a "
            + type
            + "; the whole pack is rejected because later records depend on it";
  }

  static boolean isFiniteNumber(JsonNode node) {
    return node.isNumber() && Double.isFinite(node.asDouble());
  }

  private static void toReading(
      SenmlRecord record, List<Candidate> candidates, List<Rejection> rejections) {
    String sensorId = sensorIdOf(record.name());
    String raw = resolvedText(record);
    if (record.value() != null) {
      candidates.add(
          new Candidate(
              sensorId, record.time(), record.value(), record.unit(), raw, record.index()));
      return;
    }
    if (record.sum() == null) {
      rejections.add(
          new Rejection(
              ReasonCode.VALUE_NOT_NUMERIC,
              "SenML record '"
                  + record.name()
                  + "' has a "
                  + nonNumericKind(record)
                  + " value; only numbers (v) and sums (s) are stored as readings",
              sensorId,
              raw,
              record.index()));
      return;
    }
    String sumUnit = record.unit() == null ? null : Units.timeIntegral(record.unit());
    candidates.add(
        new Candidate(sensorId, record.time(), record.sum(), sumUnit, raw, record.index()));
  }

  private static String nonNumericKind(SenmlRecord record) {
    if (record.stringValue() != null) {
      return "string (vs)";
    }
    return record.booleanValue() != null ? "boolean (vb)" : "data (vd)";
  }

  /** Writes the resolved record as a pack of its own, so a quarantined record can be replayed. */
  static String resolvedText(SenmlRecord record) {
    JsonNodeFactory factory = JsonNodeFactory.instance;
    ObjectNode node = factory.objectNode();
    node.put("n", record.name());
    if (record.unit() != null) {
      node.put("u", record.unit());
    }
    node.put("t", Timestamps.toEpochSeconds(record.time()));
    if (record.value() != null) {
      node.put("v", record.value());
    }
    if (record.stringValue() != null) {
      node.put("vs", record.stringValue());
    }
    if (record.booleanValue() != null) {
      node.put("vb", record.booleanValue());
    }
    if (record.dataValue() != null) {
      node.put("vd", record.dataValue());
    }
    if (record.sum() != null) {
      node.put("s", record.sum());
    }
    ArrayNode pack = factory.arrayNode();
    pack.add(node);
    return pack.toString();
  }

  /** Base fields in effect while a pack is read in order. */
  static final class BaseFields {
    String name = "";
    BigDecimal time = BigDecimal.ZERO;
    String unit;
    Double value;
    Double sum;

    void update(JsonNode record) {
      if (record.has("bn")) {
        name = record.get("bn").asText();
      }
      if (record.has("bt")) {
        time = record.get("bt").decimalValue();
      }
      if (record.has("bu")) {
        unit = record.get("bu").asText();
      }
      if (record.has("bv")) {
        value = record.get("bv").asDouble();
      }
      if (record.has("bs")) {
        sum = record.get("bs").asDouble();
      }
    }
  }

  /** Resolves one record against the base fields in effect. */
  static final class SenmlRecordResolver {

    record Result(SenmlRecord record, Rejection rejection) {}

    private SenmlRecordResolver() {}

    static Result resolve(JsonNode record, int index, BaseFields base, Instant now) {
      Rejection typeProblem = checkTypes(record, index);
      if (typeProblem != null) {
        return new Result(null, typeProblem);
      }

      String name = base.name + record.path("n").asText("");
      Result structureProblem = checkStructure(record, index, base, name);
      if (structureProblem != null) {
        return structureProblem;
      }

      BigDecimal time = record.has("t") ? record.get("t").decimalValue() : BigDecimal.ZERO;
      BigDecimal seconds = base.time.add(time);
      Instant absolute = absoluteTime(seconds, now);
      if (absolute == null) {
        return rejected(
            ReasonCode.INVALID_TIMESTAMP,
            "SenML record '"
                + name
                + "' has the time "
                + seconds.toPlainString()
                + ", expected epoch seconds (below 10^11) or seconds relative to now (below"
                + " 2^28)",
            name,
            record,
            index);
      }
      return new Result(resolved(record, index, base, name, absolute), null);
    }

    /**
     * Checks that the record has one value or a sum, and a name. Returns an empty result for a
     * record that only sets base fields, a rejection for an invalid record, and null otherwise.
     */
    private static Result checkStructure(JsonNode record, int index, BaseFields base, String name) {
      List<String> valueFields = VALUE_LABELS.stream().filter(record::has).toList();
      boolean hasSum = record.has("s") || base.sum != null;
      boolean hasValue = !valueFields.isEmpty() || (base.value != null && !hasSum);
      if (!hasValue && !hasSum) {
        if (RECORD_LABELS.stream().noneMatch(record::has)) {
          // A record with base fields only, such as {"bn": "..."} heading a pack: no measurement.
          return new Result(null, null);
        }
        return rejected(
            ReasonCode.MISSING_FIELD,
            "SenML record '" + name + "' has no value (v, vs, vb, vd) and no sum (s)",
            name,
            record,
            index);
      }
      if (valueFields.size() > 1) {
        return rejected(
            ReasonCode.UNSUPPORTED_FORMAT,
            "SenML record '" + name + "' has more than one value field: " + valueFields,
            name,
            record,
            index);
      }
      if (name.isEmpty()) {
        return rejected(
            ReasonCode.MISSING_FIELD,
            "SenML record " + index + " has no name: neither 'bn' nor 'n' is set",
            null,
            record,
            index);
      }
      return null;
    }

    private static SenmlRecord resolved(
        JsonNode record, int index, BaseFields base, String name, Instant time) {
      String unit = record.has("u") ? record.get("u").asText() : base.unit;
      Double sum = null;
      if (record.has("s") || base.sum != null) {
        sum = record.path("s").asDouble(0) + (base.sum == null ? 0 : base.sum);
      }
      // A missing value or base value counts as zero, but a base value alone makes a value only
      // where the record has no other value field and no sum.
      Double value = null;
      if (record.has("v")) {
        value = record.get("v").asDouble() + (base.value == null ? 0 : base.value);
      } else if (base.value != null
          && sum == null
          && VALUE_LABELS.stream().noneMatch(record::has)) {
        value = base.value;
      }
      return new SenmlRecord(
          index,
          name,
          unit,
          time,
          value,
          record.has("vs") ? record.get("vs").asText() : null,
          record.has("vb") ? record.get("vb").asBoolean() : null,
          record.has("vd") ? record.get("vd").asText() : null,
          sum);
    }

    private static Instant absoluteTime(BigDecimal seconds, Instant now) {
      try {
        if (seconds.compareTo(RELATIVE_TIME_LIMIT) < 0) {
          return Timestamps.fromEpochSeconds(Timestamps.toEpochSeconds(now).add(seconds));
        }
        if (seconds.compareTo(Timestamps.SMALLEST_EPOCH_MILLIS_AS_SECONDS) >= 0) {
          return null;
        }
        return Timestamps.fromEpochSeconds(seconds);
      } catch (ArithmeticException | DateTimeException e) {
        return null;
      }
    }

    private static Rejection checkTypes(JsonNode record, int index) {
      for (String label : List.of("n", "u", "vs", "vd")) {
        if (record.has(label) && !record.get(label).isTextual()) {
          return typeProblem(ReasonCode.UNSUPPORTED_FORMAT, label, "a string", record, index);
        }
      }
      JsonNode value = record.path("v");
      if (!value.isMissingNode() && !value.isNumber()) {
        return typeProblem(ReasonCode.VALUE_NOT_NUMERIC, "v", "a JSON number", record, index);
      }
      if (!value.isMissingNode() && !isFiniteNumber(value)) {
        return typeProblem(ReasonCode.VALUE_NOT_FINITE, "v", "a finite number", record, index);
      }
      if (record.has("s") && !isFiniteNumber(record.get("s"))) {
        return typeProblem(ReasonCode.VALUE_NOT_NUMERIC, "s", "a finite number", record, index);
      }
      if (record.has("t") && !isFiniteNumber(record.get("t"))) {
        return typeProblem(ReasonCode.INVALID_TIMESTAMP, "t", "a number of seconds", record, index);
      }
      if (record.has("vb") && !record.get("vb").isBoolean()) {
        return typeProblem(ReasonCode.UNSUPPORTED_FORMAT, "vb", "true or false", record, index);
      }
      return null;
    }

    private static Rejection typeProblem(
        ReasonCode code, String label, String expected, JsonNode record, int index) {
      String reason =
          "SenML field '" + label + "' is " + record.get(label) + ", expected " + expected;
      return new Rejection(code, reason, null, record.toString(), index);
    }

    private static Result rejected(
        ReasonCode code, String reason, String name, JsonNode record, int index) {
      String sensorId = name == null || name.isEmpty() ? null : sensorIdOf(name);
      return new Result(null, new Rejection(code, reason, sensorId, record.toString(), index));
    }
  }
}
