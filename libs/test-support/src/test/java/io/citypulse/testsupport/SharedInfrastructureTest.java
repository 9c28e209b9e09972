package io.citypulse.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.infra.DatabaseLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

  @Test
  void serviceRoleLogsInWithItsPassword() throws SQLException {
    DatabaseLogin login = SharedInfrastructure.get().database("scram_check");

    try (Connection connection =
            DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_user, current_database()")) {
      assertTrue(rows.next());
      assertEquals("scram_check", rows.getString(1));
      assertEquals("scram_check", rows.getString(2));
    }
  }

  @Test
  void passwordIsStoredAsScramVerifier() throws SQLException {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    infrastructure.database("scram_stored");

    try (Connection connection = infrastructure.postgres().superuserDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT rolpassword FROM pg_authid WHERE rolname = 'scram_stored'")) {
      assertTrue(rows.next());
      assertTrue(rows.getString(1).startsWith("SCRAM-SHA-256$"));
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    DatabaseLogin login = SharedInfrastructure.get().database("scram_reject");

    SQLException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(login.jdbcUrl(), login.user(), "not-the-password"));
    assertEquals("28P01", error.getSQLState());
  }

  @Test
  void brokerRoundTripsARecord() {
    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String topic = "citypulse.readings.raw";
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, "probe-sensor", "{\"probe\":true}"));
    }

    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-test");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int received = 0;
      while (received == 0 && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        received += records.count();
      }
      assertEquals(1, received);
    }
  }
}
