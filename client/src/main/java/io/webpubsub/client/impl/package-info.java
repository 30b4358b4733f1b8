/**
 * Implementation of {@code io.webpubsub.client}: not API, may change in any release. Nothing in the
 * API refers to it: the builder reaches it through {@link io.webpubsub.client.spi.WebPubSubClientProvider}.
 */
package io.webpubsub.client.impl;
