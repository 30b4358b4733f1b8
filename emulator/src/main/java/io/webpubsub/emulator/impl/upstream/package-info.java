/** Implementation, not API: CloudEvents to event handlers, abuse protection and retries. */
package io.webpubsub.emulator.impl.upstream;
