package io.webpubsub.mp.impl.telemetry;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * Puts the current trace context on each REST request ({@code traceparent} with the W3C propagator) unless the
 * runtime's own REST client instrumentation already did (its HTTP span is then the parent the service sees), and
 * notes the response status for the operation's span. Registered to run after the other request filters.
 */
final class TraceContextFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String OPERATION = "io.webpubsub.mp.operation";

    private final ContextPropagators propagators;

    /** @param propagators what puts the context on requests; null when the runtime propagates below the filters */
    TraceContextFilter(ContextPropagators propagators) {
        this.propagators = propagators;
    }

    @Override
    public void filter(ClientRequestContext request) {
        OtelOperation operation = OtelOperation.CURRENT.get();
        if (operation != null) {
            // the response filters of an asynchronous request may run on another thread (Quarkus: the event loop)
            request.setProperty(OPERATION, operation);
        }
        if (propagators == null) {
            return;
        }
        boolean propagated = request.getHeaders().keySet().stream().anyMatch("traceparent"::equalsIgnoreCase);
        if (!propagated) {
            propagators.getTextMapPropagator().inject(Context.current(), request,
                    (carrier, name, value) -> carrier.getHeaders().putSingle(name, value));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        Object operation = request.getProperty(OPERATION);
        if (operation instanceof OtelOperation attempted) {
            attempted.status(response.getStatus());
        }
    }
}
