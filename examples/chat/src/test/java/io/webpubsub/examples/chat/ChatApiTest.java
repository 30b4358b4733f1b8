package io.webpubsub.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The app's API answers bad requests with 400 and a reason, never 500. */
@QuarkusTest
class ChatApiTest {

    @TestHTTPResource("/api/")
    URL api;

    @Test
    void malformedJsonIsA400WithAReason() throws Exception {
        for (String path : new String[] {"negotiate", "notices"}) {
            HttpResponse<String> response = post(path, "{\"name\": \"alice\", \"room\":");
            assertEquals(400, response.statusCode(), path);
            assertEquals("{\"error\":\"The request body is not valid JSON\"}", response.body(), path);
        }
    }

    @Test
    void wellFormedButInvalidRequestsAre400WithTheRule() throws Exception {
        HttpResponse<String> response = post("negotiate", "{\"name\":\"a b\",\"room\":\"lobby\"}");
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"Name and room must each be 1 to 32 letters, digits, '-' or '_'\"}",
                response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
