package io.citypulse.gateway.access;

import io.citypulse.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts the identity events {@code entry-lifetime} back in time on every assignment, so a gateway
 * that starts or restarts knows the users denied within the lifetime of tokens still valid.
 */
@ApplicationScoped
@Identifier(IdentityEventsRebalanceListener.NAME)
public class IdentityEventsRebalanceListener implements KafkaConsumerRebalanceListener {

  static final String NAME = "identity-events-rebalance";

  private final Duration lookBack;

  public IdentityEventsRebalanceListener(GatewayConfig config) {
    this.lookBack = config.denyList().entryLifetime();
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    long since = Instant.now().minus(lookBack).toEpochMilli();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(partition -> query.put(partition, since));
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = offsets.get(partition);
      consumer.seek(partition, offset != null ? offset.offset() : ends.get(partition));
    }
    Log.infof(
        "Reading identity events of the last %s on %d partitions", lookBack, partitions.size());
  }
}
