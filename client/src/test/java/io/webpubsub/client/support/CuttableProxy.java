package io.webpubsub.client.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of the emulator that can drop every connection abruptly (RST, no close frame),
 * refuse new ones, and swallow one direction's bytes: the network faults a client must survive.
 */
public final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile boolean swallowUpstream;
    private volatile boolean swallowDownstream;
    private final java.io.ByteArrayOutputStream recorded = new java.io.ByteArrayOutputStream();
    private volatile boolean recording;

    public CuttableProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** While true, new connections are accepted and dropped at once. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** While true, bytes from the client are read and thrown away (they never reach the service). */
    public void swallowUpstream(boolean swallow) {
        this.swallowUpstream = swallow;
    }

    /** While true, bytes from the service are read and thrown away (e.g. acks are lost). */
    public void swallowDownstream(boolean swallow) {
        this.swallowDownstream = swallow;
    }

    /** Starts keeping the bytes the service sends (unmasked WebSocket frames: readable JSON), dropping earlier ones. */
    public void record() {
        synchronized (recorded) {
            recorded.reset();
        }
        recording = true;
    }

    /** The bytes the service sent since {@link #record()}, as text. */
    public String recorded() {
        synchronized (recorded) {
            return recorded.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Resets every open connection. */
    public void cut() {
        for (Socket s : sockets) {
            reset(s);
        }
        sockets.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // closed, or the emulator is gone
            }
        }
    }

    private void pump(Socket from, Socket to, boolean up) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!up && recording) {
                        synchronized (recorded) {
                            recorded.write(buffer, 0, n);
                        }
                    }
                    if (!(up ? swallowUpstream : swallowDownstream)) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // reset or closed
            }
            reset(to);
            reset(from);
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
