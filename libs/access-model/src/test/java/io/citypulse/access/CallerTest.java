package io.citypulse.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static Caller as(Role role, String... buildings) {
    return new Caller("user-1", Optional.of(role), Set.of(buildings), Set.of());
  }

  @Test
  void buildingManagerSeesOnlyAssignedBuildings() {
    Caller manager = as(Role.GEBAEUDEVERWALTER, "rathaus");

    assertTrue(manager.maySeeBuilding("rathaus", false));
    assertFalse(manager.maySeeBuilding("realschule", true));
    assertEquals(Optional.of(Set.of("rathaus")), manager.assignedBuildingsOnly());
  }

  @Test
  void citizenAndAnonymousSeeOnlyPublicBuildings() {
    for (Caller caller : new Caller[] {as(Role.BUERGER), Caller.anonymous()}) {
      assertTrue(caller.maySeeBuilding("stadtbibliothek", true));
      assertFalse(caller.maySeeBuilding("bauhof", false));
      assertFalse(caller.mayReadSensors());
    }
  }

  @Test
  void onlyAdminAndTechnicianWriteSensors() {
    for (Role role : Role.values()) {
      boolean expected = role == Role.ADMIN || role == Role.TECHNIKER;
      assertEquals(expected, as(role).mayWriteSensors(), role.id());
    }
  }

  @Test
  void machineClientWithIngestScopeMayIngest() {
    Caller gateway = new Caller("hechingen-gateway", Optional.empty(), Set.of(), Set.of("ingest"));

    assertTrue(gateway.mayIngest());
    assertFalse(gateway.mayReadSensors());
    assertFalse(Caller.anonymous().mayIngest());
  }

  @Test
  void germanDisplayNamesKeepUmlauts() {
    assertEquals("Gebäudeverwalter", Role.GEBAEUDEVERWALTER.displayName());
    assertEquals("Bürger", Role.BUERGER.displayName());
    assertEquals(Optional.of(Role.ANALYST), Role.fromId("analyst"));
    assertEquals(Optional.empty(), Role.fromId("root"));
  }
}
