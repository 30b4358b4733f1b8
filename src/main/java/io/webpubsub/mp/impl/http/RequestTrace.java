package io.webpubsub.mp.impl.http;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Logs each exchange at DEBUG (method, URL, status, time; never headers) and hands the request line of failed
 * exchanges to {@link ErrorMapper}, which only sees the response.
 */
@Priority(Integer.MAX_VALUE)
public final class RequestTrace implements ClientRequestFilter, ClientResponseFilter {

    /** Response header carrying {@code METHOD URL} from this filter to the {@link ErrorMapper}. */
    static final String REQUEST_HEADER = "X-WebPubSub-MP-Request";

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.http");
    private static final String START = RequestTrace.class.getName() + ".start";

    @Override
    public void filter(ClientRequestContext request) {
        if (LOG.isLoggable(Level.DEBUG)) {
            request.setProperty(START, System.nanoTime());
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        boolean failed = response.getStatus() >= 400;
        boolean debug = LOG.isLoggable(Level.DEBUG);
        if (!failed && !debug) {
            return;
        }
        String line = request.getMethod() + " " + request.getUri();
        if (failed) {
            response.getHeaders().putSingle(REQUEST_HEADER, line);
        }
        if (debug) {
            Object start = request.getProperty(START);
            long ms = start instanceof Long s ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s) : -1;
            LOG.log(Level.DEBUG, "{0} -> {1} ({2} ms)", line, response.getStatus(), ms);
        }
    }
}
