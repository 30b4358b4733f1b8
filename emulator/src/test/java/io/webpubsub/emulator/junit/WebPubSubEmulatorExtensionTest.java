package io.webpubsub.emulator.junit;

import io.webpubsub.emulator.WebPubSubEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@ExtendWith(WebPubSubEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPubSubEmulatorExtensionTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static WebPubSubEmulator first;

    static int health(WebPubSubEmulator e) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(e.endpoint() + "/api/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
    }

    @Test
    @Order(1)
    void injectsARunningEmulator(WebPubSubEmulator emulator) throws Exception {
        first = emulator;
        assertEquals(200, health(emulator));
        assertEquals("Endpoint=http://127.0.0.1:" + emulator.port() + ";AccessKey="
                + WebPubSubEmulator.DEFAULT_ACCESS_KEY
                + ";Version=1.0;", emulator.connectionString());
    }

    @Test
    @Order(2)
    void oneEmulatorPerClass(WebPubSubEmulator emulator) {
        assertSame(first, emulator);
    }
}
