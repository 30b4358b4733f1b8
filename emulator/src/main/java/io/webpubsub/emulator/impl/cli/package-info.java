/** Implementation, not API: the standalone command line. */
package io.webpubsub.emulator.impl.cli;
