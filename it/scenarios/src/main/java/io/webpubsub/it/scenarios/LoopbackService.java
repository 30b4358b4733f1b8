package io.webpubsub.it.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A stand-in for the Web PubSub service on a loopback port of the test JVM, for scenarios that need the service to
 * misbehave in a way the emulator does not: it accepts connections and serves each on a daemon thread of its own
 * ({@link #serve(Socket)}), and closes its port when the JVM ends.
 */
public abstract class LoopbackService implements AutoCloseable {

    private static final String KEY = "loopback-service-access-key-0123456789-abcd";

    private final String name;
    private final ServerSocket server;

    /** @param name the name of the service's threads */
    protected LoopbackService(String name) {
        this.name = name;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the " + name + " port", e);
        }
    }

    /** Starts accepting connections; called once the subclass is constructed. */
    protected final void start() {
        Thread acceptor = new Thread(this::accept, name);
        acceptor.setDaemon(true);
        acceptor.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-stop"));
    }

    /** The connection string of a hub on this service. */
    public final String connectionString() {
        return "Endpoint=http://127.0.0.1:" + server.getLocalPort() + ";AccessKey=" + KEY + ";Version=1.0;";
    }

    /** Serves one accepted connection, on a thread of its own; closes it when done. */
    protected abstract void serve(Socket socket);

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> serve(socket), name + "-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads the head and the body (Content-Length); returns the request line, or null at end of stream. */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
            if (n > 64 * 1024) {
                throw new IOException("head too long");
            }
        }
        if (head.size() == 0) {
            return null;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        long length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) Math.min(length, 1 << 20));
        return lines[0].replace(" HTTP/1.1", "");
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Closes the port; subclasses also close the connections they hold. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
