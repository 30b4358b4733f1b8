package io.webpubsub.it.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.SmokeScenarios;
import java.net.URI;
import java.net.URL;

@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusSmokeTest implements SmokeScenarios {

    @TestHTTPResource("/")
    URL base;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }
}
