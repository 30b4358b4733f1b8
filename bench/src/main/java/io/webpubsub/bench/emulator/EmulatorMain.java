package io.webpubsub.bench.emulator;

import io.webpubsub.bench.common.ServerControl;
import io.webpubsub.emulator.WebPubSubEmulator;

/** Child JVM: the emulator, embedded with its defaults on an ephemeral loopback port. Args: accessKey hub. */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        WebPubSubEmulator emulator = WebPubSubEmulator.builder().host("127.0.0.1").port(0).accessKey(args[0]).start();
        ServerControl.serve(emulator.connectionString(), emulator);
    }
}
