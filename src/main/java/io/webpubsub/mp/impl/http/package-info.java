/**
 * Implementation, not API: REST request execution — retries, timeouts, tracing and the mapping of service errors to
 * the API's exceptions. May change in any release.
 */
package io.webpubsub.mp.impl.http;
