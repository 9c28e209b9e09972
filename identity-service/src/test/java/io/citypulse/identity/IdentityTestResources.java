package io.citypulse.identity;

import io.citypulse.testsupport.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Points every test of this module at the shared PostgreSQL and Kafka broker, and gives the
 * application a fixed free port so that its issuer URL is the URL the tests call.
 */
@WithTestResource(
    value = InfrastructureTestResource.class,
    initArgs = @ResourceArg(name = "database", value = IdentityTestResources.DATABASE),
    scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IssuerPortTestResource.class, scope = TestResourceScope.GLOBAL)
public final class IdentityTestResources {

  public static final String DATABASE = "citypulse_identity";

  private IdentityTestResources() {}
}
