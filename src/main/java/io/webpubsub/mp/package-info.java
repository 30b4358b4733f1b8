/**
 * API: the per-hub clients ({@link io.webpubsub.mp.WebPubSubHubClient}, {@link
 * io.webpubsub.mp.WebPubSubHubAsyncClient})
 * injected with {@link io.webpubsub.mp.WebPubSubHub @WebPubSubHub} or built with
 * {@link io.webpubsub.mp.WebPubSubClientBuilder}, the key credential and the service's exceptions. A contract:
 * changes follow semantic versioning.
 */
package io.webpubsub.mp;
