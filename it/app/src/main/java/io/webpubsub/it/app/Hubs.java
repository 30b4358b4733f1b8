package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/**
 * The app's hubs, injected the way an app does it: {@code news} is driven only through the REST API,
 * {@code chat} also has upstream event handlers ({@link ChatEvents}), and {@code idle} is served by a service that
 * closes idle connections (the idle-connection scenarios).
 */
@ApplicationScoped
public class Hubs {

    @Inject
    @WebPubSubHub("news")
    WebPubSubHubClient news;

    @Inject
    @WebPubSubHub("chat")
    WebPubSubHubClient chat;

    @Inject
    @WebPubSubHub("idle")
    WebPubSubHubClient idle;

    /** The client of the hub with this name. */
    public WebPubSubHubClient get(String hub) {
        return switch (hub) {
            case "news" -> news;
            case "chat" -> chat;
            case "idle" -> idle;
            default -> throw new NotFoundException("no hub '" + hub + "' in this app");
        };
    }
}
