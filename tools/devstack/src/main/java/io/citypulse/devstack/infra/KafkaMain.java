package io.citypulse.devstack.infra;

import io.citypulse.devstack.CommandLineOptions;
import io.citypulse.infra.KafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the local stack's Kafka broker in this JVM through {@code kafka.Kafka}, as the Kafka
 * distribution's start script does: a single KRaft node on 127.0.0.1 with its configuration and log
 * in {@code .citypulse/kafka}. The log is formatted on first use and kept afterwards. Kafka's own
 * shutdown hook stops the broker on SIGTERM.
 *
 * <p>Usage: {@code KafkaMain [--port N] [--controller-port N]} (defaults 19092 and 19093).
 */
public final class KafkaMain {

  private static final Logger LOG = Logger.getLogger(KafkaMain.class);
  private static final String USAGE =
      """
      Usage: KafkaMain [--port N] [--controller-port N]
        --port             client port on 127.0.0.1 (default 19092)
        --controller-port  KRaft controller port on 127.0.0.1 (default 19093)""";

  private KafkaMain() {}

  public static void main(String[] args) {
    CommandLineOptions options;
    int port;
    int controllerPort;
    try {
      options = CommandLineOptions.parse(args, List.of("--port", "--controller-port"));
      port = options.getInt("--port", 19092);
      controllerPort = options.getInt("--controller-port", 19093);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (options.helpRequested()) {
      System.out.println(USAGE);
      return;
    }

    Path directory = StateDirectory.fromSystemProperty().kafka();
    Path properties;
    try {
      properties = KafkaBroker.prepare(directory, port, controllerPort);
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "Preparing the Kafka broker in %s failed", directory);
      System.exit(1);
      return;
    }
    LOG.infof(
        "Starting the Kafka broker on 127.0.0.1:%d (controller 127.0.0.1:%d) with data in %s",
        port, controllerPort, directory.resolve("data"));
    kafka.Kafka.main(new String[] {properties.toString()});
  }
}
