package io.citypulse.ingest.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawReadingConsumerTest {

  private static List<RawInput> inputs(int... sizes) {
    List<RawInput> inputs = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      inputs.add(new RawInput(new byte[sizes[i]], "test/" + i, Instant.EPOCH));
    }
    return inputs;
  }

  @Test
  void chunksKeepOrderAndByteLimit() {
    List<List<RawInput>> chunks = RawReadingConsumer.chunks(inputs(400, 400, 400, 100, 900), 1000);

    assertEquals(3, chunks.size());
    assertEquals(
        List.of("test/0", "test/1"), chunks.get(0).stream().map(RawInput::sourceKey).toList());
    assertEquals(
        List.of("test/2", "test/3"), chunks.get(1).stream().map(RawInput::sourceKey).toList());
    assertEquals(List.of("test/4"), chunks.get(2).stream().map(RawInput::sourceKey).toList());
  }

  @Test
  void oversizedRecordFormsItsOwnChunk() {
    List<List<RawInput>> chunks = RawReadingConsumer.chunks(inputs(10, 5000, 10), 1000);

    assertEquals(3, chunks.size());
    assertEquals(1, chunks.get(1).size());
  }

  @Test
  void emptyBatchHasNoChunks() {
    assertEquals(0, RawReadingConsumer.chunks(List.of(), 1000).size());
  }
}
