/**
 * Implementation, not API: the build-compatible CDI extension that registers the {@code @WebPubSubHub} beans, the
 * bean owning the hubs' runtimes and the deployment-time configuration check. May change in any release.
 */
package io.webpubsub.mp.impl.cdi;
