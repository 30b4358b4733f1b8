package io.webpubsub.emulator.impl;

import io.webpubsub.emulator.EventHandler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the emulator was configured with. Hub names are lower-case. {@code secondaryKey} and {@code liveTrace}
 * may be null.
 */
public record EmulatorSettings(String host, int port, String primaryKey, String secondaryKey,
                               Map<String, List<EventHandler>> eventHandlers, Set<String> anonymousHubs,
                               Duration keepAliveInterval, Duration recoveryWindow, boolean entraTokens,
                               Consumer<String> liveTrace, List<Duration> upstreamRetryDelays, Duration upstreamTimeout,
                               int outboundQueueLimit, long outboundQueueBytes, int pendingConnectLimit,
                               int deliveryHistory) {

    /** Primary and (if set) secondary key. */
    public List<String> keys() {
        return secondaryKey == null ? List.of(primaryKey) : List.of(primaryKey, secondaryKey);
    }

    @Override
    public String toString() {
        return "EmulatorSettings[host=" + host + ", port=" + port + ", keys hidden, eventHandlers=" + eventHandlers
                + ", anonymousHubs=" + anonymousHubs + ", keepAliveInterval=" + keepAliveInterval + ", recoveryWindow="
                + recoveryWindow + ", entraTokens=" + entraTokens + ", outboundQueueLimit=" + outboundQueueLimit
                + ", outboundQueueBytes=" + outboundQueueBytes + ", pendingConnectLimit=" + pendingConnectLimit
                + ", deliveryHistory=" + deliveryHistory + "]";
    }
}
