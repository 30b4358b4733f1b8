package io.webpubsub.it.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.HealthScenarios;
import java.net.URI;
import java.net.URL;

/** The library's readiness checks on Quarkus (quarkus-smallrye-health, under the non-application root /q). */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusHealthTest implements HealthScenarios {

    @TestHTTPResource("/")
    URL base;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }

    @Override
    public String readinessPath() {
        return "/q/health/ready";
    }
}
