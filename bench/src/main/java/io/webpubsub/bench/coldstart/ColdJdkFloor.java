package io.webpubsub.bench.coldstart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Fresh JVM, the floor of any Java client: the JDK {@code HttpClient} posts the same request with a token computed
 * by the parent. Args: url authorization.
 */
public final class ColdJdkFloor {
    private ColdJdkFloor() {
    }

    public static void main(String[] args) throws Exception {
        ColdReport report = new ColdReport();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        report.ready();
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(args[0])).header("Authorization", args[1])
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("status " + r.statusCode());
        }
        report.first202();
    }
}
