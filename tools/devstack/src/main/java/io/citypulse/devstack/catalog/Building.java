package io.citypulse.devstack.catalog;

/** A public building as the ingest service's {@code PUT /api/buildings/{id}} takes it. */
public record Building(String id, String name, String address, String timeZone, boolean isPublic) {}
