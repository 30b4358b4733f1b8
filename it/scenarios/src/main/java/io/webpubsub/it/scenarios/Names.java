package io.webpubsub.it.scenarios;

import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the scenarios. */
public final class Names {

    private Names() {
    }

    /** A name no other scenario uses, so scenarios sharing one service cannot see each other's traffic. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until the condition holds (state the service updates asynchronously); fails after 10 s. */
    public static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WsClient.WAIT + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
