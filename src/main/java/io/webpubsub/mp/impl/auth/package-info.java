/**
 * Implementation, not API: access-key and bearer-token authentication of REST calls, client token minting and its
 * cache. May change in any release.
 */
package io.webpubsub.mp.impl.auth;
