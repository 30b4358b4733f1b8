package io.webpubsub.mp.impl.client;

import io.webpubsub.mp.impl.http.RequestExecutor;

/** What the sync and the async hub client share: the hub's operations, how they run, and closing. */
abstract class HubClientBase implements AutoCloseable {

    final HubOperations ops;
    final RequestExecutor executor;
    private final Runnable closer;

    HubClientBase(HubOperations ops, RequestExecutor executor, Runnable closer) {
        this.ops = ops;
        this.executor = executor;
        this.closer = closer;
    }

    @Override
    public void close() {
        closer.run();
    }

    /** @return the hub name */
    public String getHub() {
        return ops.hub();
    }
}
