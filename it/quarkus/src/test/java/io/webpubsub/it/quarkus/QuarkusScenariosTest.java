package io.webpubsub.it.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.AllScenarios;
import java.net.URI;
import java.net.URL;

/** The scenario suite on Quarkus. */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusScenariosTest implements AllScenarios {

    @TestHTTPResource("/")
    URL base;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }
}
