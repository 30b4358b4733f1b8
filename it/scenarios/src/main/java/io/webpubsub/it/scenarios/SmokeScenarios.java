package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The container plumbing: the app deploys, CDI and MicroProfile Config work, JAX-RS answers. */
public interface SmokeScenarios extends Deployed {

    @Test
    default void appAnswersWithItsGeneratedConfiguration() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(appUri().resolve("smoke")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(AppConfig.SMOKE_GREETING, response.body());
    }
}
