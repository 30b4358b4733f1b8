/**
 * Implementation, not API: the configuration — the one key catalogue ({@link io.webpubsub.mp.impl.config.Keys}),
 * per-hub lookup and the rules that turn keys into settings. May change in any release.
 */
package io.webpubsub.mp.impl.config;
