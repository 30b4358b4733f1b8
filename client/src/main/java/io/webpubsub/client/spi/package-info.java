/**
 * SPI: {@link io.webpubsub.client.spi.WebPubSubClientProvider}, the seam through which the builder reaches the
 * implementation. Implemented by the client library itself, not by applications; may change in any release.
 */
package io.webpubsub.client.spi;
