/**
 * Implementation, not API: the embedded local service — when it serves a hub, its start and stop, and the event
 * handler it gets from the application's upstream keys. May change in any release.
 */
package io.webpubsub.mp.impl.emulator;
