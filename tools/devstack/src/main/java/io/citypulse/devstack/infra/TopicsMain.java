package io.citypulse.devstack.infra;

import io.citypulse.devstack.CommandLineOptions;
import io.citypulse.infra.KafkaBroker;
import io.citypulse.infra.SuiteTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Creates the suite's topics that do not exist yet on a Kafka broker, retrying while the broker is
 * still starting, and waits until their partitions accept writes.
 *
 * <p>Usage: {@code TopicsMain [--bootstrap HOST:PORT] [--timeout-seconds N]}.
 */
public final class TopicsMain {

  private static final Logger LOG = Logger.getLogger(TopicsMain.class);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
  private static final String USAGE =
      """
      Usage: TopicsMain [--bootstrap HOST:PORT] [--timeout-seconds N]
        --bootstrap        Kafka bootstrap servers (default 127.0.0.1:19092)
        --timeout-seconds  how long to retry while the broker is unreachable (default 120)""";

  private TopicsMain() {}

  public static void main(String[] args) throws InterruptedException {
    CommandLineOptions options;
    Duration timeout;
    try {
      options = CommandLineOptions.parse(args, List.of("--bootstrap", "--timeout-seconds"));
      timeout = Duration.ofSeconds(options.getInt("--timeout-seconds", 120));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (options.helpRequested()) {
      System.out.println(USAGE);
      return;
    }
    String bootstrap = options.get("--bootstrap", "127.0.0.1:19092");
    Map<String, Integer> topics = SuiteTopics.partitions();

    long deadline = System.nanoTime() + timeout.toNanos();
    int attempt = 1;
    while (true) {
      try {
        KafkaBroker.createTopics(bootstrap, topics);
        TopicReadiness.await(bootstrap, topics.keySet(), Duration.ofSeconds(60));
        LOG.infof("The %d topics are ready on %s: %s", topics.size(), bootstrap, topics);
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          LOG.errorf(
              "Creating the topics on %s failed after %d attempts within %s: %s",
              bootstrap, attempt, timeout, e.getMessage());
          System.exit(1);
        }
        LOG.infof(
            "Creating the topics on %s failed (attempt %d), retrying in %s: %s",
            bootstrap, attempt, RETRY_DELAY, e.getMessage());
        Thread.sleep(RETRY_DELAY.toMillis());
        attempt++;
      }
    }
  }
}
