package io.citypulse.ingest.rest;

import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.reading.IngestPipeline;
import io.citypulse.ingest.reading.QuarantineEntry;
import io.citypulse.ingest.reading.RawInput;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP ingest for gateways that cannot publish to Kafka. The body is one raw record in any format
 * the Kafka ingest accepts; it goes through the same validation, storage and quarantine.
 */
@Path("/api/ingest")
public class IngestResource {

  private static final int MAX_REJECTIONS_SHOWN = 100;

  private final IngestPipeline pipeline;
  private final IngestConfig config;
  private final CallerResolver callers;

  public IngestResource(IngestPipeline pipeline, IngestConfig config, CallerResolver callers) {
    this.pipeline = pipeline;
    this.config = config;
    this.callers = callers;
  }

  /** One quarantined item of the request. */
  public record RejectionView(long quarantineId, String reasonCode, String reason) {}

  /** Counts of an accepted request; {@code rejections} lists at most 100 quarantined items. */
  public record IngestResponse(
      String requestId,
      int accepted,
      int duplicates,
      int quarantined,
      List<RejectionView> rejections) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> ingest(byte[] body) {
    if (body != null && body.length > config.maxRecordBytes()) {
      throw new ProblemException(
          Problem.of(413, "payload-too-large", "Payload too large")
              .detail(
                  "The body has "
                      + body.length
                      + " bytes; at most "
                      + config.maxRecordBytes()
                      + " are accepted. Split the readings into several requests.")
              .with("limit", config.maxRecordBytes())
              .build());
    }
    String requestId = UUID.randomUUID().toString();
    RawInput input =
        new RawInput(body == null ? new byte[0] : body, "http:" + requestId, Instant.now());
    return callers
        .current()
        .invoke(Access::requireIngest)
        .chain(() -> pipeline.ingest(List.of(input)))
        .map(
            result -> {
              Log.debugf(
                  "HTTP ingest %s: %d accepted, %d duplicates, %d quarantined",
                  requestId, result.accepted(), result.duplicates(), result.quarantined());
              return Response.accepted(
                      new IngestResponse(
                          requestId,
                          result.accepted(),
                          result.duplicates(),
                          result.quarantined(),
                          rejections(result.quarantineIds())))
                  .build();
            });
  }

  private static List<RejectionView> rejections(Map<QuarantineEntry, Long> quarantined) {
    List<RejectionView> views = new ArrayList<>();
    for (Map.Entry<QuarantineEntry, Long> entry : quarantined.entrySet()) {
      if (views.size() == MAX_REJECTIONS_SHOWN) {
        break;
      }
      views.add(
          new RejectionView(
              entry.getValue(), entry.getKey().code().code(), entry.getKey().reason()));
    }
    views.sort((a, b) -> Long.compare(a.quarantineId(), b.quarantineId()));
    return views;
  }
}
