package io.citypulse.devstack.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the partitions of new topics accept requests on their leader.
 *
 * <p>A broker announces a new partition's leader in its metadata a moment before the leader has
 * created the partition. An idempotent producer that writes in that moment can get its first batch
 * rejected and later ones accepted, and then retries the first batch until its delivery timeout
 * (KAFKA-14359, seen with Kafka 4.1.2). Asking each leader for the partition's end offset succeeds
 * only once the partition exists there, and writes nothing.
 */
public final class TopicReadiness {

  private TopicReadiness() {}

  /**
   * Returns when every partition of {@code topics} answers an end-offset request.
   *
   * @throws IllegalStateException when that does not happen within {@code timeout}
   */
  public static void await(String bootstrapServers, Collection<String> topics, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) timeout.toMillis());
    try (Admin admin = Admin.create(config)) {
      Map<String, TopicDescription> descriptions =
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (TopicDescription description : descriptions.values()) {
        description
            .partitions()
            .forEach(
                partition ->
                    partitions.put(
                        new TopicPartition(description.name(), partition.partition()),
                        OffsetSpec.latest()));
      }
      admin.listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "The partitions of "
              + topics
              + " on "
              + bootstrapServers
              + " were not ready within "
              + timeout
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
