/**
 * Implementation, not API: the upstream endpoint (abuse protection, signature check, CloudEvents decoding) and the
 * delivery of events to CDI beans, with its start-up check. May change in any release.
 */
package io.webpubsub.mp.impl.upstream;
