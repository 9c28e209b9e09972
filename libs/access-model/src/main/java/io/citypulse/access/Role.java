package io.citypulse.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The municipal roles. Ids are what tokens carry in {@code groups}; display names are German, as
 * the town's staff read them.
 */
public enum Role {
  ADMIN(
      "admin",
      "Admin",
      "Administrator",
      BuildingScope.ALL,
      SensorAccess.READ_WRITE,
      AnalyticsAccess.FULL,
      true,
      EnumSet.allOf(AlertCategory.class)),
  TECHNIKER(
      "techniker",
      "Techniker",
      "Technician",
      BuildingScope.ALL,
      SensorAccess.READ_WRITE,
      AnalyticsAccess.LIMITED,
      false,
      EnumSet.of(AlertCategory.TECHNICAL)),
  ENERGIEMANAGER(
      "energiemanager",
      "Energiemanager",
      "Energy manager",
      BuildingScope.ALL,
      SensorAccess.READ,
      AnalyticsAccess.FULL,
      false,
      EnumSet.of(AlertCategory.ENERGY)),
  GEBAEUDEVERWALTER(
      "gebaeudeverwalter",
      "Gebäudeverwalter",
      "Building manager",
      BuildingScope.ASSIGNED,
      SensorAccess.READ,
      AnalyticsAccess.BUILDING,
      false,
      EnumSet.of(AlertCategory.BUILDING)),
  BUERGER(
      "buerger",
      "Bürger",
      "Citizen",
      BuildingScope.PUBLIC,
      SensorAccess.NONE,
      AnalyticsAccess.PUBLIC,
      false,
      EnumSet.noneOf(AlertCategory.class)),
  ANALYST(
      "analyst",
      "Analyst",
      "Analyst",
      BuildingScope.ALL,
      SensorAccess.READ,
      AnalyticsAccess.FULL,
      false,
      EnumSet.of(AlertCategory.ANALYSIS));

  private final String id;
  private final String displayName;
  private final String englishDisplayName;
  private final BuildingScope buildings;
  private final SensorAccess sensors;
  private final AnalyticsAccess analytics;
  private final boolean administration;
  private final Set<AlertCategory> alerts;

  Role(
      String id,
      String displayName,
      String englishDisplayName,
      BuildingScope buildings,
      SensorAccess sensors,
      AnalyticsAccess analytics,
      boolean administration,
      Set<AlertCategory> alerts) {
    this.id = id;
    this.displayName = displayName;
    this.englishDisplayName = englishDisplayName;
    this.buildings = buildings;
    this.sensors = sensors;
    this.analytics = analytics;
    this.administration = administration;
    this.alerts = alerts;
  }

  public String id() {
    return id;
  }

  /** German name for user-facing text. */
  public String displayName() {
    return displayName;
  }

  /** English name for the English part of bilingual text. */
  public String englishDisplayName() {
    return englishDisplayName;
  }

  public BuildingScope buildings() {
    return buildings;
  }

  public SensorAccess sensors() {
    return sensors;
  }

  public AnalyticsAccess analytics() {
    return analytics;
  }

  /** Returns whether the role may manage users, the registry's buildings and the platform. */
  public boolean administration() {
    return administration;
  }

  /** Alert categories the role receives and may see. */
  public Set<AlertCategory> alerts() {
    return alerts;
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
  }

  /** Returns the ids of all roles in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Role::id).toList();
  }

  /** Scope of the buildings a role may see. */
  public enum BuildingScope {
    ALL,
    ASSIGNED,
    PUBLIC
  }

  /** Access of a role to sensors and their raw readings. */
  public enum SensorAccess {
    NONE,
    READ,
    READ_WRITE
  }

  /**
   * Analytics a role may see: {@code LIMITED} operational views of the last 30 days without costs
   * or exports, {@code FULL} everything, {@code BUILDING} full for assigned buildings, {@code
   * PUBLIC} aggregates of public buildings without sensor ids.
   */
  public enum AnalyticsAccess {
    PUBLIC,
    LIMITED,
    BUILDING,
    FULL
  }

  /** Alert categories. */
  public enum AlertCategory {
    TECHNICAL,
    ENERGY,
    BUILDING,
    ANALYSIS,
    SECURITY
  }
}
