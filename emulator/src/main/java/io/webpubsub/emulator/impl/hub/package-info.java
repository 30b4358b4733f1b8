/** Implementation, not API: hubs, connections, groups, outbound queues and message frames. */
package io.webpubsub.emulator.impl.hub;
