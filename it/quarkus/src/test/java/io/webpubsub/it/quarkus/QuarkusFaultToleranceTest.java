package io.webpubsub.it.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.FaultToleranceScenarios;
import java.net.URI;
import java.net.URL;

/** MicroProfile Fault Tolerance around the hub client on Quarkus (quarkus-smallrye-fault-tolerance). */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusFaultToleranceTest implements FaultToleranceScenarios {

    @TestHTTPResource("/")
    URL base;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }
}
