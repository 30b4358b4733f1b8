/**
 * Implementation, not API: the hub clients over the REST API. May change in any release.
 */
package io.webpubsub.mp.impl.client;
