/** SPI implementation: the library's local-service provider backed by an embedded emulator. */
package io.webpubsub.emulator.mp;
