package io.webpubsub.bench.quarkus;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.webpubsub.bench.client.SendClient;
import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Tokens;

/**
 * The floor on Quarkus: the app's own Vert.x instance and a bare Vert.x {@link HttpClient} (pool of 50 connections,
 * the Quarkus REST client's default) posting the same request as the clients under test (text/plain, same path and
 * api-version) with a token computed once. No filters, no JSON, no retry, no telemetry: what the runtime's HTTP
 * stack costs by itself. {@code apply(0)} blocks the caller on each response, {@code apply(1)} does not.
 */
@ApplicationScoped
@Unremovable
public class VertxFloor implements IntFunction<SendClient> {

    @Inject
    Vertx vertx;

    private volatile String connectionString;
    private volatile String hub;

    /** The service to post to; call before {@link #apply}. */
    void target(String connectionString, String hub) {
        this.connectionString = connectionString;
        this.hub = hub;
    }

    @Override
    public SendClient apply(int asynchronous) {
        ConnStr cs = ConnStr.parse(connectionString);
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50).setKeepAlive(true));
        String base = Tokens.trimSlash(cs.endpoint()) + "/api/hubs/" + hub + "/groups/";
        return new SendClient() {
            private volatile String group;
            private volatile RequestOptions request;

            @Override
            public boolean async() {
                return asynchronous == 1;
            }

            @Override
            public void send(String group, String text) throws Exception {
                sendAsync(group, text).get();
            }

            @Override
            public CompletableFuture<?> sendAsync(String g, String text) {
                RequestOptions r = request;
                if (r == null || !g.equals(group)) {
                    String url = base + g + "/:send?api-version=2024-12-01";
                    r = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                            .putHeader("Authorization", "Bearer " + Tokens.rest(cs.key(), url))
                            .putHeader("Content-Type", "text/plain");
                    group = g;
                    request = r;
                }
                return http.request(r).compose(req -> req.send(Buffer.buffer(text))).compose(resp -> {
                    if (resp.statusCode() != 202) {
                        throw new IllegalStateException("HTTP " + resp.statusCode());
                    }
                    return resp.body();
                }).toCompletionStage().toCompletableFuture();
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }
}
