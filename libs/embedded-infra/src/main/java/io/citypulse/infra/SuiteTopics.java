package io.citypulse.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's topics with their partition counts. Readings carry the most traffic and are keyed by
 * sensor id, so they get the most partitions; consumers scale up to that number.
 */
public final class SuiteTopics {

  private SuiteTopics() {}

  /** Partition count per topic name. */
  public static Map<String, Integer> partitions() {
    Map<String, Integer> topics = new LinkedHashMap<>();
    topics.put("citypulse.readings.raw", 12);
    topics.put("citypulse.readings.validated", 12);
    topics.put("citypulse.readings.quarantine", 3);
    topics.put("citypulse.identity.events", 3);
    topics.put("citypulse.audit.events", 6);
    topics.put("citypulse.alerts.events", 3);
    topics.put("citypulse.security.signals", 1);
    return topics;
  }
}
