/** Implementation, not API: the client WebSocket endpoint and its subprotocols. */
package io.webpubsub.emulator.impl.ws;
