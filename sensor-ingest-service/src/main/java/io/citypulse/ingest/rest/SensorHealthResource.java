package io.citypulse.ingest.rest;

import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.health.SensorHealthService;
import io.citypulse.ingest.registry.RegistryService;
import io.citypulse.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** Connectivity of the sensors, judged against each sensor's expected reporting interval. */
@Path("/api/sensors/health")
@Produces(MediaType.APPLICATION_JSON)
public class SensorHealthResource {

  private final SensorHealthService health;
  private final RegistryService registry;
  private final CallerResolver callers;

  public SensorHealthResource(
      SensorHealthService health, RegistryService registry, CallerResolver callers) {
    this.health = health;
    this.registry = registry;
    this.callers = callers;
  }

  /**
   * Returns totals over the selected sensors and, per sensor, its state, last reading time and
   * silence in seconds.
   *
   * @param status only list sensors in this state (online, late, offline); totals still count all
   */
  @GET
  public Uni<SensorHealthService.Report> report(
      @QueryParam("buildingId") String buildingId, @QueryParam("status") String status) {
    SensorHealthService.Status only = status == null ? null : parse(status);
    return callers
        .current()
        .invoke(Access::requireSensorReader)
        .call(
            caller ->
                buildingId == null
                    ? Uni.createFrom().voidItem()
                    : registry
                        .building(buildingId)
                        .invoke(
                            b ->
                                Access.requireVisible(
                                    caller, "Building", buildingId, b.id(), b.isPublic())))
        .flatMap(caller -> health.report(buildingId, caller.assignedBuildingsOnly().orElse(null)))
        .map(
            report ->
                only == null
                    ? report
                    : new SensorHealthService.Report(
                        report.generatedAt(),
                        report.totals(),
                        report.sensors().stream().filter(s -> s.status() == only).toList()));
  }

  private static SensorHealthService.Status parse(String status) {
    try {
      return SensorHealthService.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("status", status, "online, late or offline");
    }
  }
}
