package io.citypulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestDatabase;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

  /**
   * A row committed by an earlier process that stopped before relaying it, written here straight
   * into the table, is sent by the relay and then marked sent.
   */
  @Test
  void relayPublishesCommittedRowAndMarksIt() {
    TestDatabase database = TestDatabase.of(IdentityTestResources.DATABASE);
    String id = UUID.randomUUID().toString();
    String userId = UUID.randomUUID().toString();

    database.queryLong(
        "WITH inserted AS (INSERT INTO outbox (id, topic, message_key, event_type, occurred_at,"
            + " payload) VALUES (?::uuid, ?, ?, ?, now(), ?::json) RETURNING 1)"
            + " SELECT count(*) FROM inserted",
        id,
        Topics.IDENTITY_EVENTS,
        userId,
        "io.citypulse.identity.user-created.v1",
        "{\"userId\":\"" + userId + "\"}");

    List<ConsumerRecord<String, String>> records =
        TestKafka.read(
            Topics.IDENTITY_EVENTS,
            record -> id.equals(Fixtures.header(record, "ce_id")),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, records.size());
    ConsumerRecord<String, String> record = records.get(0);
    assertEquals(userId, record.key());
    assertEquals("io.citypulse.identity.user-created.v1", Fixtures.header(record, "ce_type"));
    assertEquals("urn:citypulse:identity-service", Fixtures.header(record, "ce_source"));
    assertEquals("{\"userId\":\"" + userId + "\"}", record.value());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                database.queryLong(
                        "SELECT count(*) FROM outbox WHERE id = ?::uuid AND sent_at IS NOT NULL",
                        id)
                    == 1);
  }
}
