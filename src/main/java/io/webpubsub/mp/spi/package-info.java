/**
 * SPI: what an application or integration implements or plugs in — token credentials
 * ({@link io.webpubsub.mp.spi.WebPubSubTokenCredential}, azure-identity through
 * {@link io.webpubsub.mp.spi.AzureIdentityCredentials}) and an embedded local service
 * ({@link io.webpubsub.mp.spi.LocalServiceProvider}). A contract: changes follow semantic versioning. Exception:
 * {@link io.webpubsub.mp.spi.WebPubSubProvider}, the seam through which the API reaches the implementation, is
 * implemented by the library itself, not by applications, and may change in any release.
 */
package io.webpubsub.mp.spi;
