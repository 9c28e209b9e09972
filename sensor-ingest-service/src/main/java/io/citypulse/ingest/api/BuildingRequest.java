package io.citypulse.ingest.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a building create or replace request.
 *
 * @param id required on {@code POST /api/buildings}; ignored on {@code PUT}, where the path names
 *     the building
 * @param timeZone IANA zone for calendar buckets; {@code Europe/Berlin} when left out
 * @param isPublic whether citizens may see the building's aggregated figures
 */
public record BuildingRequest(
    @Pattern(regexp = Ids.BUILDING_PATTERN, message = Ids.BUILDING_MESSAGE) String id,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 500) String address,
    @Size(max = 64) String timeZone,
    @JsonProperty("public") Boolean isPublic) {}
