/**
 * SPI: {@link io.webpubsub.emulator.spi.EmulatorProvider}, the seam through which
 * {@link io.webpubsub.emulator.WebPubSubEmulator} reaches the implementation. Implemented by the emulator itself,
 * not by applications; may change in any release.
 */
package io.webpubsub.emulator.spi;
