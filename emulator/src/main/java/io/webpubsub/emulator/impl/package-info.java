/** Implementation, not API: the Jetty server, the engine (hubs, connections, fan-out) and settings. May change. */
package io.webpubsub.emulator.impl;
