package io.webpubsub.bench.coldstart;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;

/** Fresh JVM: our client through the plain builder (no CDI container), send once, report. Args: cs hub. */
public final class ColdOursBuilder {
    private ColdOursBuilder() {
    }

    public static void main(String[] args) {
        ColdReport report = new ColdReport();
        WebPubSubHubClient client = new WebPubSubClientBuilder().connectionString(args[0]).hub(args[1]).buildClient();
        report.ready();
        client.sendToGroup("room-1", Message.text("hello"));
        report.first202();
    }
}
