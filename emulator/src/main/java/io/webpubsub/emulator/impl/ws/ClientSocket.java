package io.webpubsub.emulator.impl.ws;

import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.hub.ClientConnection;
import io.webpubsub.emulator.impl.hub.Transport;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/** The Jetty WebSocket of one client connection; events go to {@link ClientMessages} and the {@link Engine}. */
public final class ClientSocket implements Session.Listener.AutoDemanding, Transport {
    private final Engine engine;
    private final ClientMessages messages;
    private final ClientConnection connection;
    private final List<String> initialGroups;
    private final boolean recovery;
    private final String refusal;
    private volatile Session session;

    private ClientSocket(Engine engine, ClientMessages messages, ClientConnection connection,
            List<String> initialGroups,
                         boolean recovery, String refusal) {
        this.engine = engine;
        this.messages = messages;
        this.connection = connection;
        this.initialGroups = initialGroups;
        this.recovery = recovery;
        this.refusal = refusal;
    }

    /** A socket for a new connection. */
    static ClientSocket opening(Engine engine, ClientMessages messages, ClientConnection c,
            List<String> initialGroups) {
        return new ClientSocket(engine, messages, c, initialGroups, false, null);
    }

    /** A socket that recovers a reliable connection. */
    static ClientSocket recovering(Engine engine, ClientMessages messages, ClientConnection c) {
        return new ClientSocket(engine, messages, c, List.of(), true, null);
    }

    /** A socket that is closed with 1008 as soon as it opens (failed recovery). */
    static ClientSocket refused(String reason) {
        return new ClientSocket(null, null, null, List.of(), false, reason);
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        if (refusal != null) {
            s.close(Engine.POLICY_VIOLATION, refusal, Callback.NOOP);
        } else if (recovery) {
            if (!engine.recover(connection, this)) {
                s.close(Engine.POLICY_VIOLATION, "The connection can no longer be recovered", Callback.NOOP);
            }
        } else {
            engine.open(connection, this, initialGroups);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        if (connection != null) {
            messages.onText(connection, text);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        if (connection != null) {
            messages.onBinary(connection, bytes);
        }
    }

    @Override
    public void onWebSocketClose(int code, String reason) {
        if (connection != null) {
            engine.transportClosed(connection, this, code, reason);
            if (connection.isEnded()) {
                messages.forget(connection);
            }
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // onWebSocketClose follows and does the clean-up
    }

    @Override
    public void send(Object frame, Consumer<Throwable> done) {
        Session s = session;
        Callback cb = Callback.from(() -> done.accept(null), done);
        if (frame instanceof String text) {
            s.sendText(text, cb);
        } else {
            s.sendBinary(ByteBuffer.wrap((byte[]) frame), cb);
        }
    }

    @Override
    public void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason, Callback.NOOP);
        }
    }

    @Override
    public void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    @Override
    public void abort() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }
}
