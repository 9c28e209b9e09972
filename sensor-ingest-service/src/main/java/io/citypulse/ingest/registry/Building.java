package io.citypulse.ingest.registry;

import java.time.ZoneId;

/** A public building of the town. */
public record Building(String id, String name, String address, ZoneId timeZone, boolean isPublic) {}
