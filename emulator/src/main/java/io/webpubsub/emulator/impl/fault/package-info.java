/** Implementation, not API: injected fault rules. */
package io.webpubsub.emulator.impl.fault;
