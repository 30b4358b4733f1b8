package io.webpubsub.mp.impl.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.ConnectionContext;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.EventRejectedException;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.telemetry.Telemetry;

/**
 * Checks an upstream request and hands it to the application's beans: abuse protection for {@code OPTIONS};
 * headers, hub, signature, size and body for events, in that order, before any bean is called.
 */
@ApplicationScoped
public class UpstreamDispatcher {

    /** The largest event body accepted: the service's frame limit, 1 MiB. */
    static final int MAX_BODY = 1 << 20;
    static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";

    private static final System.Logger LOG = UpstreamConfiguration.LOG;
    static final String UNSIGNED = "Header 'ce-signature' is missing or matches no access key of the hub";

    @Inject
    UpstreamConfiguration configuration;

    @Inject
    @Any
    Event<Object> events;

    /** Where the runtime's {@code OpenTelemetry} bean is looked up. */
    @Inject
    Instance<Object> beans;

    private volatile Telemetry.Upstream telemetry;

    private final Set<String> warnedWithoutUserHandler = ConcurrentHashMap.newKeySet();

    /**
     * The abuse-protection handshake.
     *
     * @param pathHub the hub named in the path, or null
     * @param headers header name (lower case) to values
     */
    UpstreamReply validate(String pathHub, Map<String, List<String>> headers) {
        try {
            String origin = CloudEventHeaders.optional(headers, "webhook-request-origin");
            if (origin == null || origin.isEmpty()) {
                throw UpstreamFailure.badRequest("Missing header 'WebHook-Request-Origin'");
            }
            // an unknown hub is validated like the endpoint as a whole, so that the answer reveals no hub name
            Optional<UpstreamHubSettings> named = pathHub == null ? Optional.empty() : configuration.hub(pathHub);
            Collection<UpstreamHubSettings> hubs = named.isPresent() ? List.of(named.get()) : configuration.hubs();
            if (configuration.hubs().isEmpty()) {
                throw new UpstreamFailure(404, "This application handles no Web PubSub hub");
            }
            List<UpstreamHubSettings> allowing = hubs.stream().filter(h -> h.allowsOrigin(origin)).toList();
            if (allowing.isEmpty()) {
                throw new UpstreamFailure(403, "Origin " + UpstreamFailure.echo(origin) + " is not allowed: it must"
                        + " be the host of the hub's endpoint or be listed in the hub's '"
                        + Keys.UPSTREAM_ALLOWED_ORIGINS + "' setting");
            }
            boolean wildcard = allowing.stream().anyMatch(h -> h.allowedOrigins.contains("*"));
            return new UpstreamReply(200, null, null, UpstreamReply.header(ALLOWED_ORIGIN, wildcard ? "*" : origin));
        } catch (UpstreamFailure failure) {
            return refuse(failure);
        }
    }

    /**
     * An event.
     *
     * @param pathHub the hub named in the path, or null
     * @param headers header name (lower case) to values
     * @param body the request body
     */
    UpstreamReply event(String pathHub, Map<String, List<String>> headers, InputStream body) {
        Telemetry.Event observed = telemetry().start(headers, hub -> configuration.hub(hub).isPresent());
        int status = 500;
        try {
            UpstreamReply reply = checkedEvent(pathHub, headers, body);
            status = reply.status();
            return reply;
        } finally {
            observed.end(status);
        }
    }

    private Telemetry.Upstream telemetry() {
        if (telemetry == null) {
            telemetry = Telemetry.upstream(beans, org.eclipse.microprofile.config.ConfigProvider.getConfig());
        }
        return telemetry;
    }

    private UpstreamReply checkedEvent(String pathHub, Map<String, List<String>> headers, InputStream body) {
        try {
            CloudEventHeaders ce = CloudEventHeaders.parse(headers);
            if (pathHub != null && !pathHub.equalsIgnoreCase(ce.hub)) {
                throw UpstreamFailure.badRequest("Header 'ce-hub' " + UpstreamFailure.echo(ce.hub)
                        + " does not match the hub " + UpstreamFailure.echo(pathHub) + " in the path");
            }
            UpstreamHubSettings hub = signedHub(ce);
            byte[] bytes = read(headers, body);
            ConnectionContext context = context(hub.hub, ce);
            return dispatch(hub.hub, ce, context, bytes, CloudEventHeaders.optional(headers, "content-type"));
        } catch (UpstreamFailure failure) {
            return refuse(failure);
        }
    }

    /**
     * The hub of an event whose signature is good (or whose hub does not check signatures). Unsigned and mis-signed
     * requests get the same 401 whether the hub exists or not, so that hub names cannot be probed; only a request
     * signed with the key of one of the application's hubs learns that its hub is unknown (404).
     */
    private UpstreamHubSettings signedHub(CloudEventHeaders ce) {
        Optional<UpstreamHubSettings> known = configuration.hub(ce.hub);
        if (known.isPresent() && !known.get().validateSignature) {
            return known.get();
        }
        boolean signed = ce.signature != null && !ce.signature.isBlank() && (known.isPresent()
                ? SignatureVerifier.isValid(ce.signature, ce.connectionId, known.get().credentials.accessKeys())
                : configuration.hubs().stream().anyMatch(h -> SignatureVerifier.isValid(ce.signature,
                        ce.connectionId, h.credentials.accessKeys())));
        if (!signed) {
            LOG.log(Level.DEBUG, () -> "Upstream request for hub " + UpstreamFailure.echo(ce.hub) + ": "
                    + (known.isEmpty() ? "unknown hub, " : "") + (ce.signature == null || ce.signature.isBlank()
                            ? "no ce-signature" : "ce-signature matches no access key"));
            throw new UpstreamFailure(401, UNSIGNED);
        }
        return known.orElseThrow(() -> new UpstreamFailure(404, "Hub " + UpstreamFailure.echo(ce.hub)
                + " has no event handler or observer in this application"));
    }

    static byte[] read(Map<String, List<String>> headers, InputStream body) {
        // Open Liberty over h2c passes the header twice; identical values mean one length (RFC 9110, 8.6)
        List<String> lengths = headers.getOrDefault("content-length", List.of()).stream().map(String::trim)
                .distinct().toList();
        if (lengths.size() > 1) {
            throw UpstreamFailure.badRequest("Header 'Content-Length' has conflicting values");
        }
        String length = lengths.isEmpty() ? null : lengths.get(0);
        if (length != null && !length.isEmpty()) {
            if (!length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw UpstreamFailure.badRequest("Header 'Content-Length' is not a number");
            }
            if (length.length() > 9 || Long.parseLong(length) > MAX_BODY) {
                throw tooLarge();
            }
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw UpstreamFailure.badRequest("The event body could not be read: " + e.getMessage());
        }
    }

    private static UpstreamFailure tooLarge() {
        return new UpstreamFailure(413, "The event body is larger than " + MAX_BODY + " bytes");
    }

    private static ConnectionContext context(String hub, CloudEventHeaders ce) {
        return ConnectionContext.builder(hub, ce.connectionId)
                .userId(ce.userId)
                .event(ce.type, ce.eventName)
                .cloudEvent(ce.id, ce.source, ce.time)
                .subprotocol(ce.subprotocol)
                .origin(ce.origin)
                .state(ConnectionStates.decode(ce.state))
                .metadata(ce.metadata)
                .mqtt(ce.physicalConnectionId, ce.sessionId)
                .build();
    }

    private UpstreamReply dispatch(String hub, CloudEventHeaders ce, ConnectionContext context, byte[] body,
            String contentType) {
        return switch (ce.kind) {
            case CONNECT -> connect(hub, EventBodies.connect(context, body));
            case USER -> user(hub, EventBodies.user(context, contentType, body));
            case CONNECTED -> notify(hub, ConnectedEvent.class, new ConnectedEvent(context));
            case DISCONNECTED -> notify(hub, DisconnectedEvent.class, EventBodies.disconnected(context, body));
            case JOINED -> notify(hub, GroupJoinedEvent.class, new GroupJoinedEvent(context, EventBodies.group(body)));
            case LEFT -> notify(hub, GroupLeftEvent.class, new GroupLeftEvent(context, EventBodies.group(body)));
        };
    }

    private UpstreamReply connect(String hub, ConnectEvent event) {
        Instance<ConnectHandler> handler = configuration.connectHandler(hub);
        if (!handler.isResolvable()) {
            return UpstreamReply.noContent(Map.of());
        }
        try (Instance.Handle<ConnectHandler> handle = handler.getHandle()) {
            return Replies.connect(event, handle.get().onConnect(event));
        } catch (EventRejectedException rejection) {
            return Replies.rejected(event, rejection);
        } catch (RuntimeException e) {
            return failed("The ConnectHandler of hub '" + hub + "' failed", e);
        }
    }

    private UpstreamReply user(String hub, UserEvent event) {
        Instance<UserEventHandler> handler = configuration.userEventHandler(hub);
        if (!handler.isResolvable()) {
            if (warnedWithoutUserHandler.add(hub)) {
                LOG.log(Level.WARNING, "Hub '" + hub + "' received the user event '" + event.name() + "' but has no"
                        + " UserEventHandler bean; user events are answered with no reply");
            }
            return UpstreamReply.noContent(Map.of());
        }
        try (Instance.Handle<UserEventHandler> handle = handler.getHandle()) {
            return Replies.user(handle.get().onUserEvent(event));
        } catch (EventRejectedException rejection) {
            return UpstreamReply.text(rejection.status(), rejection.getMessage());
        } catch (RuntimeException e) {
            return failed("The UserEventHandler of hub '" + hub + "' failed on event '" + event.name() + "'", e);
        }
    }

    private <T> UpstreamReply notify(String hub, Class<T> type, T event) {
        Event<T> selected = events.select(type, WebPubSubHub.Literal.of(hub));
        try {
            selected.fire(event);
        } catch (RuntimeException e) {
            return failed("An observer of " + type.getSimpleName() + " for hub '" + hub + "' failed", e);
        }
        selected.fireAsync(event).exceptionally(e -> {
            LOG.log(Level.WARNING, "An asynchronous observer of " + type.getSimpleName() + " for hub '" + hub
                    + "' failed", e);
            return null;
        });
        return UpstreamReply.noContent(Map.of());
    }

    private static UpstreamReply failed(String what, RuntimeException e) {
        LOG.log(Level.WARNING, what, e);
        return UpstreamReply.text(500, what);
    }

    private static UpstreamReply refuse(UpstreamFailure failure) {
        LOG.log(Level.DEBUG, "Refused a Web PubSub upstream request with " + failure.status() + ": "
                + failure.getMessage());
        return UpstreamReply.text(failure.status(), failure.getMessage());
    }
}
