package io.webpubsub.bench.client;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.webpubsub.bench.common.Targets;
import io.webpubsub.bench.common.Tokens;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.auth.AccessKeyFilter;
import io.webpubsub.mp.impl.HubSettings;

/**
 * {@code ./run.sh tokens}: the cost of authenticating one REST request in our JAX-RS filter, with the token cache
 * (default size; the same URL every call, as a steady sendToGroup loop sees it) and without it (cache size 0: a
 * fresh jose4j HS256 token per call; figures in {@code results/} taken before the switch from smallrye-jwt-build),
 * next to a hand-written JDK HMAC token as the floor. The request context is a minimal dynamic proxy (method, URI,
 * headers), the same for all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBench {
    private static final String URL = "http://127.0.0.1:8080/api/hubs/bench/groups/room-1/:send?api-version=2024-12-01";

    private AccessKeyFilter cached;
    private AccessKeyFilter uncached;
    private ClientRequestContext request;
    private MultivaluedMap<String, Object> headers;

    @Setup
    public void setup() {
        WebPubSubKeyCredential key = new WebPubSubKeyCredential(Targets.KEY);
        cached = new AccessKeyFilter(key, Duration.ofHours(1), HubSettings.DEFAULT_TOKEN_CACHE_SIZE,
                Clock.systemUTC());
        uncached = new AccessKeyFilter(key, Duration.ofHours(1), 0, Clock.systemUTC());
        headers = new MultivaluedHashMap<>();
        URI uri = URI.create(URL);
        request = (ClientRequestContext) Proxy.newProxyInstance(TokenBench.class.getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getUri" -> uri;
                    case "getHeaders" -> headers;
                    case "getProperty" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Benchmark
    public Object filterWithCache() {
        cached.filter(request);
        return headers;
    }

    @Benchmark
    public Object filterWithoutCache() {
        uncached.filter(request);
        return headers;
    }

    @Benchmark
    public String jdkHmacFloor() {
        return Tokens.rest(Targets.KEY, URL);
    }
}
