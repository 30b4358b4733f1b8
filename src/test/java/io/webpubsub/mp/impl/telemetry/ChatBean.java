package io.webpubsub.mp.impl.telemetry;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;

/** The application bean of the telemetry tests: hub "chat" (sync and async) and hub "quiet". */
@Dependent
public class ChatBean {

    @Inject
    @WebPubSubHub("chat")
    WebPubSubHubClient client;

    @Inject
    @WebPubSubHub("chat")
    WebPubSubHubAsyncClient async;

    @Inject
    @WebPubSubHub("quiet")
    WebPubSubHubClient quiet;
}
