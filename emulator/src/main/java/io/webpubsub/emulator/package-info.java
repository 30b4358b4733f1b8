/**
 * API: the embeddable emulator ({@link io.webpubsub.emulator.WebPubSubEmulator}), its event handlers
 * ({@link io.webpubsub.emulator.EventHandler}), faults to inject ({@link io.webpubsub.emulator.Fault}) and what a hub
 * holds ({@link io.webpubsub.emulator.HubSnapshot}). Applications use only these and the junit package; the impl
 * packages are not API.
 */
package io.webpubsub.emulator;
