package io.citypulse.identity.user;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The roles of the suite; {@link #id()} is what the {@code groups} claim carries. */
public enum Role {
  ADMIN("admin", "Admin", "Administrator"),
  TECHNIKER("techniker", "Techniker", "Technician"),
  ENERGIEMANAGER("energiemanager", "Energiemanager", "Energy manager"),
  GEBAEUDEVERWALTER("gebaeudeverwalter", "Gebäudeverwalter", "Building manager"),
  BUERGER("buerger", "Bürger", "Citizen"),
  ANALYST("analyst", "Analyst", "Analyst");

  private final String id;
  private final String displayNameDe;
  private final String displayNameEn;

  Role(String id, String displayNameDe, String displayNameEn) {
    this.id = id;
    this.displayNameDe = displayNameDe;
    this.displayNameEn = displayNameEn;
  }

  public String id() {
    return id;
  }

  public String displayNameDe() {
    return displayNameDe;
  }

  public String displayNameEn() {
    return displayNameEn;
  }

  /** Returns whether users of this role see only their assigned buildings. */
  public boolean hasAssignedBuildings() {
    return this == GEBAEUDEVERWALTER;
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Role::id).toList();
  }
}
