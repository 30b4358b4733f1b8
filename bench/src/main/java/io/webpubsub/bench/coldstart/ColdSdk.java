package io.webpubsub.bench.coldstart;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;

/** Fresh JVM, SDK only on the classpath: build the client as its README does, send once, report. Args: cs hub. */
public final class ColdSdk {
    private ColdSdk() {
    }

    public static void main(String[] args) {
        ColdReport report = new ColdReport();
        WebPubSubServiceClient client = new WebPubSubServiceClientBuilder().connectionString(args[0]).hub(args[1])
                .buildClient();
        report.ready();
        client.sendToGroup("room-1", "hello", WebPubSubContentType.TEXT_PLAIN);
        report.first202();
    }
}
