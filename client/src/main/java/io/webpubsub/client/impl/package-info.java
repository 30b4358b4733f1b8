/**
 * Implementation of {@code io.webpubsub.client}: not API, may change in any release. Only
 * {@link io.webpubsub.client.WebPubSubClientBuilder} refers to it.
 */
package io.webpubsub.client.impl;
