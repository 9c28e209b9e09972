package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.citypulse.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The lock-down locks every recently logged-in account of the test database, so its users are
 * created here and no other test relies on a user it logged in before.
 */
@QuarkusTest
class LockdownTest {

  @Test
  void dryRunCountsAndRealRunLocks() {
    User first = Fixtures.user(Role.TECHNIKER);
    User second = Fixtures.user(Role.BUERGER);
    User idle = Fixtures.user(Role.ANALYST);
    String refreshToken = Fixtures.login(first).getString("refresh_token");
    Fixtures.login(second);
    String admin = Fixtures.adminToken();

    int wouldLock =
        given()
            .auth()
            .oauth2(admin)
            .post("/api/identity/lockdown?dryRun=true")
            .then()
            .statusCode(200)
            .body("dryRun", equalTo(true))
            .extract()
            .path("accounts");
    assertTrue(wouldLock >= 2, "dry run counted " + wouldLock);
    assertEquals("active", status(first));

    int locked =
        given()
            .auth()
            .oauth2(admin)
            .post("/api/identity/lockdown")
            .then()
            .statusCode(200)
            .body("dryRun", equalTo(false))
            .extract()
            .path("accounts");

    assertTrue(locked >= 2, "lock-down locked " + locked);
    assertEquals("locked", status(first));
    assertEquals("locked", status(second));
    assertEquals("active", status(idle));
    Fixtures.refresh(refreshToken).then().statusCode(400);
    Fixtures.passwordGrant(first.email(), Fixtures.PASSWORD)
        .then()
        .statusCode(400)
        .body("error_description", containsString("locked"));
    given().auth().oauth2(Fixtures.adminToken()).get("/api/identity/me").then().statusCode(200);
  }

  private static String status(User user) {
    return TestDatabase.of(IdentityTestResources.DATABASE)
        .queryString("SELECT status FROM users WHERE id = ?::uuid", user.id().toString());
  }
}
