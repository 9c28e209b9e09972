package io.citypulse.testsupport;

import io.citypulse.infra.DatabaseLogin;
import io.citypulse.infra.EmbeddedPostgresServer;
import io.citypulse.infra.KafkaBroker;
import io.citypulse.infra.SuiteTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL and one in-JVM Kafka broker per test JVM, started on first use and
 * stopped when the JVM exits. Every test class of a module shares them.
 */
public final class SharedInfrastructure {

  private static SharedInfrastructure instance;

  private final EmbeddedPostgresServer postgres;
  private final KafkaBroker kafka;
  private final Path kafkaDirectory;
  private final Map<String, DatabaseLogin> logins = new HashMap<>();

  private SharedInfrastructure(
      EmbeddedPostgresServer postgres, KafkaBroker kafka, Path kafkaDirectory) {
    this.postgres = postgres;
    this.kafka = kafka;
    this.kafkaDirectory = kafkaDirectory;
  }

  /** Returns the running infrastructure, starting it on the first call. */
  public static synchronized SharedInfrastructure get() {
    if (instance == null) {
      instance = startAll();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
    }
    return instance;
  }

  private static SharedInfrastructure startAll() {
    try {
      EmbeddedPostgresServer postgres =
          EmbeddedPostgresServer.start(null, 0, EmbeddedPostgresServer.randomPassword(), false);
      Path kafkaDirectory = Files.createTempDirectory("citypulse-kafka-");
      KafkaBroker kafka = KafkaBroker.start(kafkaDirectory, 0, 0);
      kafka.createTopics(SuiteTopics.partitions());
      return new SharedInfrastructure(postgres, kafka, kafkaDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the test PostgreSQL or Kafka failed", e);
    }
  }

  /**
   * Returns the login of a service database, creating the database and its role on first use. Later
   * calls return the same login, so a running application keeps its password.
   */
  public synchronized DatabaseLogin database(String name) {
    return logins.computeIfAbsent(name, this::provision);
  }

  private DatabaseLogin provision(String name) {
    try {
      return postgres.provisionDatabase(name, EmbeddedPostgresServer.randomPassword());
    } catch (SQLException e) {
      throw new IllegalStateException("Provisioning database " + name + " failed", e);
    }
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  private void stop() {
    try {
      kafka.close();
    } catch (RuntimeException e) {
      System.err.println("Stopping the test Kafka broker failed: " + e);
    }
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Stopping the test PostgreSQL failed: " + e);
    }
    deleteRecursively(kafkaDirectory);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Deleting " + directory + " failed: " + e);
    }
  }
}
