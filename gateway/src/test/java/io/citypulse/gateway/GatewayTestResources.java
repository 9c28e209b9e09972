package io.citypulse.gateway;

import io.citypulse.testsupport.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Points every test of this module at the shared Kafka broker, the test OpenID Provider and the
 * fake upstream services. The gateway has no database; the shared infrastructure starts one anyway.
 */
@WithTestResource(
    value = InfrastructureTestResource.class,
    initArgs = {
      @ResourceArg(name = "database", value = "citypulse_gateway"),
      @ResourceArg(name = "oidc", value = "true")
    },
    scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeUpstreamsResource.class, scope = TestResourceScope.GLOBAL)
public final class GatewayTestResources {

  private GatewayTestResources() {}
}
