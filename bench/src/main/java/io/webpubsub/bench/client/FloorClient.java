package io.webpubsub.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Tokens;

/**
 * The floor: a bare {@code java.net.http.HttpClient} posting the same request the SDKs send (text/plain to
 * {@code /api/hubs/<hub>/groups/<group>/:send?api-version=2024-12-01}) with a token computed once, up front.
 * Nothing a real client must do per call (minting, config, mapping) is in here.
 */
final class FloorClient implements SendClient {
    private final boolean async;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;
    private final String key;
    private final String hub;
    private volatile Prepared prepared;

    private record Prepared(String group, URI uri, String auth) {
    }

    FloorClient(boolean async, String endpoint, String key, String hub) {
        this.async = async;
        this.endpoint = Tokens.trimSlash(endpoint);
        this.key = key;
        this.hub = hub;
    }

    static SendClient create(boolean async, String connectionString, String hub) {
        ConnStr cs = ConnStr.parse(connectionString);
        return new FloorClient(async, cs.endpoint(), cs.key(), hub);
    }

    @Override
    public boolean async() {
        return async;
    }

    private HttpRequest request(String group, String text) {
        Prepared p = prepared;
        if (p == null || !p.group.equals(group)) {
            String url = endpoint + "/api/hubs/" + hub + "/groups/" + group + "/:send?api-version=2024-12-01";
            p = new Prepared(group, URI.create(url), "Bearer " + Tokens.rest(key, url));
            prepared = p;
        }
        return HttpRequest.newBuilder(p.uri).header("Authorization", p.auth).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
    }

    @Override
    public void send(String group, String text) throws Exception {
        check(http.send(request(group, text), HttpResponse.BodyHandlers.discarding()));
    }

    @Override
    public CompletableFuture<?> sendAsync(String group, String text) {
        return http.sendAsync(request(group, text), HttpResponse.BodyHandlers.discarding())
                .thenApply(FloorClient::check);
    }

    private static HttpResponse<?> check(HttpResponse<?> r) {
        if (r.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r;
    }

    @Override
    public void close() {
        // HttpClient has no close() on Java 17; its threads are daemons
    }

}
