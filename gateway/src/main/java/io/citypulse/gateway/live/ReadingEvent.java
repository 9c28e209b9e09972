package io.citypulse.gateway.live;

import io.citypulse.access.Caller;

/** A validated reading for the live sockets; visible to roles that may read sensors. */
record ReadingEvent(String sensorId, String buildingId, String json) implements LiveEvent {

  @Override
  public String coalescingKey() {
    return "reading:" + sensorId;
  }

  @Override
  public boolean visibleTo(Caller caller) {
    // Readings of public buildings are not shown to Bürger either: they see aggregates only.
    return caller.mayReadSensors() && caller.maySeeBuilding(buildingId, false);
  }
}
