package io.citypulse.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code citypulse.readings.validated} in a consumer group of this replica alone, so every
 * replica pushes every reading to its own sockets, and hands the readings of each poll to the
 * {@link LiveHub}. It starts at the newest offset: a socket shows live values, not history.
 */
@ApplicationScoped
public class ReadingStream {

  private final LiveHub hub;
  private final ObjectMapper json;
  private long malformed;

  public ReadingStream(LiveHub hub, ObjectMapper json) {
    this.hub = hub;
    this.json = json;
  }

  /**
   * Publishes the records of one poll together, so each socket gets them as one message instead of
   * one message per reading. The poll's wait (fetch.max.wait.ms) bounds how long a reading waits.
   */
  @Incoming("readings-validated")
  public void consume(List<String> values) {
    List<LiveEvent> events = new ArrayList<>(values.size());
    for (String value : values) {
      ReadingEvent event = toEvent(value);
      if (event != null) {
        events.add(event);
      }
    }
    hub.publish(events);
  }

  private ReadingEvent toEvent(String value) {
    try {
      JsonNode node = json.readTree(value);
      if (node instanceof ObjectNode reading
          && reading.hasNonNull("sensorId")
          && reading.hasNonNull("buildingId")) {
        ObjectNode message = json.createObjectNode().put("type", "reading");
        message.setAll(reading);
        return new ReadingEvent(
            reading.get("sensorId").asText(),
            reading.get("buildingId").asText(),
            json.writeValueAsString(message));
      }
    } catch (IOException e) {
      // Counted and logged below, like a record without ids.
    }
    malformed++;
    if (malformed == 1 || malformed % 1000 == 0) {
      Log.warnf("Validated reading without sensorId or buildingId skipped (%d so far)", malformed);
    }
    return null;
  }
}
