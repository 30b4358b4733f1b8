package io.webpubsub.mp.impl.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter on its own, with a request context that, like Quarkus REST's, supports only the base and request URIs
 * ({@code getPath(false)} throws there): what it rewrites, refuses and leaves alone.
 */
class UpstreamPathFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "http://h/api/|http://h/api/events/wps/hubs/chat|rewrite http://h/api/webpubsub/hubs/chat",
        "http://h/api|http://h/api/events/wps?x=1|rewrite http://h/api/webpubsub?x=1",
        "http://h/|http://h/events/wps/hubs/a%2Fb/validate|rewrite http://h/webpubsub/hubs/a%2Fb/validate",
        "http://h/api/|http://h/api/webpubsub/hubs/chat|abort 404",
        "http://h/api/|http://h/api/events/wpsx|-",
        "http://h/api/|http://h/api/other|-",
        "http://h/api/|http://h/elsewhere/events/wps|-"})
    void rewritesTheConfiguredPathOnly(String base, String request, String expected) {
        List<String> actions = new ArrayList<>();
        UpstreamPathFilter filter = new UpstreamPathFilter();
        filter.configuration = new UpstreamConfiguration() {
            @Override
            String path() {
                return "events/wps";
            }
        };
        filter.filter(context(URI.create(base), URI.create(request), actions));
        assertEquals(expected, actions.isEmpty() ? null : String.join(" ", actions));
    }

    @ParameterizedTest
    @CsvSource({"http://h/api/webpubsub/hubs/chat"})
    void theDefaultPathNeedsNoRewriting(String request) {
        List<String> actions = new ArrayList<>();
        UpstreamPathFilter filter = new UpstreamPathFilter();
        filter.configuration = new UpstreamConfiguration() {
            @Override
            String path() {
                return UpstreamConfiguration.DEFAULT_PATH;
            }
        };
        filter.filter(context(URI.create("http://h/api/"), URI.create(request), actions));
        assertNull(actions.isEmpty() ? null : actions.get(0));
    }

    static ContainerRequestContext context(URI base, URI request, List<String> actions) {
        UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {
            UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBaseUri" -> base;
                case "getRequestUri" -> request;
                default -> throw new IllegalArgumentException(method.getName() + " is not supported here");
            });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uriInfo;
                    case "setRequestUri" -> {
                        assertEquals(base.toString().endsWith("/") ? base : URI.create(base + "/"), args[0]);
                        actions.add("rewrite " + args[1]);
                        yield null;
                    }
                    case "abortWith" -> {
                        actions.add("abort " + ((Response) args[0]).getStatus());
                        yield null;
                    }
                    default -> throw new IllegalArgumentException(method.getName() + " is not supported here");
                });
    }
}
