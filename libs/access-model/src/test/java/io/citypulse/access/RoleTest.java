package io.citypulse.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void idsInDeclarationOrder() {
    assertEquals(
        List.of("admin", "techniker", "energiemanager", "gebaeudeverwalter", "buerger", "analyst"),
        Role.ids());
  }

  @Test
  void idsResolveToTheirRole() {
    for (Role role : Role.values()) {
      assertEquals(Optional.of(role), Role.fromId(role.id()), role.id());
    }
  }

  @Test
  void englishDisplayNames() {
    assertEquals("Administrator", Role.ADMIN.englishDisplayName());
    assertEquals("Technician", Role.TECHNIKER.englishDisplayName());
    assertEquals("Energy manager", Role.ENERGIEMANAGER.englishDisplayName());
    assertEquals("Building manager", Role.GEBAEUDEVERWALTER.englishDisplayName());
    assertEquals("Citizen", Role.BUERGER.englishDisplayName());
    assertEquals("Analyst", Role.ANALYST.englishDisplayName());
  }

  @Test
  void onlyBuildingManagerHasAssignedBuildings() {
    for (Role role : Role.values()) {
      boolean expected = role == Role.GEBAEUDEVERWALTER;
      assertEquals(expected, role.buildings() == Role.BuildingScope.ASSIGNED, role.id());
    }
  }
}
