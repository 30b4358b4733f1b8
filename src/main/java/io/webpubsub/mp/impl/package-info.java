/**
 * Implementation, not API: a hub's runtime (settings, REST client, token minting) and the connection string.
 * Applications never use these classes; they may change in any release.
 */
package io.webpubsub.mp.impl;
