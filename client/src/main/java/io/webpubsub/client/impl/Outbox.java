package io.webpubsub.client.impl;

import io.webpubsub.client.AckException;
import io.webpubsub.client.BadRequestException;
import io.webpubsub.client.ForbiddenException;
import io.webpubsub.client.InternalServerErrorException;
import io.webpubsub.client.WebPubSubClientException;
import io.webpubsub.client.WebPubSubResult;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One client's operations: those waiting for a connection and those waiting for their ack. Not thread-safe: every
 * method runs under the client's lock. Results complete on the completion executor, never under the lock.
 */
final class Outbox {

    private final Map<Long, Operation> awaitingAck = new LinkedHashMap<>();
    private final Deque<Operation> unsent = new ArrayDeque<>();
    private final Executor completions;
    private final int maxSendRetries;

    Outbox(Executor completions, int maxSendRetries) {
        this.completions = completions;
        this.maxSendRetries = maxSendRetries;
    }

    /** @throws IllegalArgumentException if an operation in flight already uses {@code ackId} */
    void checkAckIdFree(Long ackId) {
        if (ackId != null && (awaitingAck.containsKey(ackId) || unsent.stream().anyMatch(o -> ackId.equals(o.ackId)))) {
            throw new IllegalArgumentException("Invalid 'ackId': " + ackId
                    + " is already used by an operation in flight");
        }
    }

    /** Keeps an operation until {@link #flush} has a connection for it. */
    void hold(Operation op) {
        unsent.add(op);
    }

    /** Writes what waited for a connection. */
    void flush(Link link) {
        while (!unsent.isEmpty()) {
            write(unsent.poll(), link);
        }
    }

    /**
     * Writes an operation; an acknowledged one then waits for its ack (a failed write is sent again after a
     * recovery, or failed when the connection ends), a fire-and-forget one completes with the write.
     */
    void write(Operation op, Link link) {
        op.attempts++;
        if (op.ackId != null) {
            awaitingAck.put(op.ackId, op);
        }
        link.send(() -> op.frame).whenComplete((x, error) -> {
            if (op.ackId != null) {
                return;
            }
            if (error == null) {
                op.result.complete(new WebPubSubResult(null, false));
            } else {
                op.result.completeExceptionally(new WebPubSubClientException(
                        "The fire-and-forget message could not be written", null, error));
            }
        });
    }

    /** After a recovery: writes again what was not acknowledged, failing what has used up its attempts. */
    void resend(Link link) {
        for (Operation op : drainAwaiting()) {
            if (op.attempts > maxSendRetries) {
                fail(op, new WebPubSubClientException("The operation with ackId " + op.ackId + " was not acknowledged"
                        + " after " + op.attempts + " attempts; it may or may not have taken effect", op.ackId, null));
            } else {
                write(op, link);
            }
        }
    }

    /** Completes the operation an {@code ack} frame answers; {@code Duplicate} counts as success. */
    void acknowledge(JsonObject frame) {
        Long ackId = Frames.number(frame, "ackId");
        Operation op = ackId == null ? null : awaitingAck.remove(ackId);
        if (op == null) {
            return;
        }
        JsonObject error = frame.get("error") instanceof JsonObject e ? e : null;
        String name = error == null ? null : Frames.string(error, "name");
        if (frame.getBoolean("success", false) || "Duplicate".equals(name)) {
            if (op.onSuccess != null) {
                op.onSuccess.run();
            }
            WebPubSubResult result = new WebPubSubResult(ackId, "Duplicate".equals(name));
            completions.execute(() -> op.result.complete(result));
        } else {
            fail(op, ackError(ackId, name == null ? "Unknown" : name,
                    error == null ? null : Frames.string(error, "message")));
        }
    }

    /** Fails the operations written but not acknowledged: their connection is gone for good. */
    void failAwaiting(Function<Operation, Throwable> error) {
        drainAwaiting().forEach(op -> fail(op, error.apply(op)));
    }

    /** Fails every operation, written or not. */
    void failAll(Function<Operation, Throwable> error) {
        List<Operation> all = drainAwaiting();
        all.addAll(unsent);
        unsent.clear();
        all.forEach(op -> fail(op, error.apply(op)));
    }

    void fail(Operation op, Throwable error) {
        completions.execute(() -> op.result.completeExceptionally(error));
    }

    private List<Operation> drainAwaiting() {
        List<Operation> all = new ArrayList<>(awaitingAck.values());
        awaitingAck.clear();
        return all;
    }

    private static AckException ackError(long ackId, String name, String message) {
        return switch (name) {
            case "Forbidden" -> new ForbiddenException(ackId, message);
            case "BadRequest" -> new BadRequestException(ackId, message);
            case "InternalServerError" -> new InternalServerErrorException(ackId, message);
            default -> new AckException(ackId, name, message);
        };
    }
}
