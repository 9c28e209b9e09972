package io.citypulse.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void randomUuidIsVersion4() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = RequestIds.randomUuid();
      assertEquals(4, id.version(), id.toString());
      assertEquals(2, id.variant(), id.toString());
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void callerIdKeptWhenValid() {
    assertEquals("abc-123", RequestIds.acceptOrCreate("abc-123"));
  }

  @Test
  void invalidCallerIdReplaced() {
    String created = RequestIds.acceptOrCreate("bad id with spaces");

    assertNotEquals("bad id with spaces", created);
    assertEquals(4, UUID.fromString(created).version());
  }

  @Test
  void traceparentKeepsCallerTrace() {
    String received = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    String next = RequestIds.nextTraceparent(received);

    assertTrue(next.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"), next);
    assertTrue(next.endsWith("-01"), next);
    assertNotEquals(received, next);
  }

  @Test
  void traceparentCreatedWhenMissing() {
    String created = RequestIds.nextTraceparent(null);

    assertTrue(created.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), created);
  }
}
