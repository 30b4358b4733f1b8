package io.webpubsub.bench.coldstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;

/**
 * Fresh JVM: boot Weld SE (discovery on) with SmallRye Config and RESTEasy MP, inject {@code @WebPubSubHub("bench")},
 * send once, report. The connection string comes in as the system property
 * {@code azure.webpubsub.hubs.bench.connection-string}, so the timing includes MicroProfile Config.
 */
public final class ColdOursCdi {
    private ColdOursCdi() {
    }

    /** The application bean. */
    @ApplicationScoped
    public static class App {
        @Inject
        @WebPubSubHub("bench")
        WebPubSubHubClient chat;

        /** Sends through the injected client. */
        public void send() {
            chat.sendToGroup("room-1", Message.text("hello"));
        }
    }

    public static void main(String[] args) {
        ColdReport report = new ColdReport();
        SeContainer container = SeContainerInitializer.newInstance().addBeanClasses(App.class).initialize();
        App app = container.select(App.class).get();
        report.ready();
        // the hub client is an @ApplicationScoped bean: its REST client is built on this first use
        app.send();
        report.first202();
    }
}
