package io.webpubsub.client.impl;

/**
 * The reliable protocols' receive side: the largest sequence id received, replays recognised, and at most one
 * {@code sequenceAck} queued at a time, carrying the largest id when it is written (acks coalesce). Guarded by the
 * client's lock, which the queued ack also takes when it is written.
 */
final class SequenceAcks {

    private final Object lock;
    private long last;
    private boolean queued;

    SequenceAcks(Object lock) {
        this.lock = lock;
    }

    /**
     * Records a message's sequence id and queues an ack on the link it came from.
     *
     * @return false when the message was delivered before (a replay after a recovery)
     */
    boolean received(long sequenceId, Link from) {
        boolean replayed = sequenceId <= last;
        if (!replayed) {
            last = sequenceId;
        }
        // after updating: the ack's text may be built right now, on this thread
        if (!queued) {
            queued = true;
            from.send(() -> {
                synchronized (lock) {
                    queued = false;
                    return Frames.sequenceAck(last);
                }
            });
        }
        return !replayed;
    }

    /** A new connection (not a recovered one) starts counting again. */
    void newConnection() {
        last = 0;
    }

    /** The link ended: what was queued on it is gone with it. */
    void linkEnded() {
        queued = false;
    }
}
