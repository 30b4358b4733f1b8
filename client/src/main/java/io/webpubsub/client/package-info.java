/**
 * API: a client for the Azure Web PubSub WebSocket client protocols on {@code java.net.http.WebSocket}.
 *
 * <p>Build one with {@link io.webpubsub.client.WebPubSubClientBuilder}, register a
 * {@link io.webpubsub.client.WebPubSubClientListener}, then {@link io.webpubsub.client.WebPubSubClient#start()}.
 * Everything in this package is public API; {@code io.webpubsub.client.impl} is the implementation and may change.
 */
package io.webpubsub.client;
