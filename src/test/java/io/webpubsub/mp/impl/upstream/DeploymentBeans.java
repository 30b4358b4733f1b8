package io.webpubsub.mp.impl.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.ConnectedEvent;

/** Beans that make a deployment invalid, one problem each. */
final class DeploymentBeans {

    private DeploymentBeans() {
    }

    @ApplicationScoped
    @WebPubSubHub("chat")
    public static class SecondConnectHandler implements ConnectHandler {
        @Override
        public ConnectResponse onConnect(ConnectEvent event) {
            return ConnectResponse.accept();
        }
    }

    @ApplicationScoped
    public static class UnqualifiedHandler implements ConnectHandler {
        @Override
        public ConnectResponse onConnect(ConnectEvent event) {
            return ConnectResponse.accept();
        }
    }

    @ApplicationScoped
    public static class OtherSpelling {
        void connected(@Observes @WebPubSubHub("Chat") ConnectedEvent event) {
        }
    }

    @ApplicationScoped
    public static class InvalidHub {
        void connected(@Observes @WebPubSubHub("1chat") ConnectedEvent event) {
        }
    }

    @ApplicationScoped
    public static class NotifyObserver {
        void connected(@Observes @WebPubSubHub("notify") ConnectedEvent event) {
        }
    }
}
