package io.webpubsub.it.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A faulty stand-in for the Web PubSub service on a loopback port, for the fault-tolerance scenarios: each request
 * takes the next scripted {@link Fault} (an HTTP status, a hang, a connection reset), else succeeds (202 for POST,
 * 200 otherwise). Every connection is closed after its answer. Hanging connections are held until {@link #reset()}.
 */
public final class FaultyService implements AutoCloseable {

    /** What the service does with one request. */
    public record Fault(int status, boolean hangs, boolean resets) {

        /** Answers with this status and an empty body. */
        public static Fault status(int status) {
            return new Fault(status, false, false);
        }

        /** Reads the request and never answers. */
        public static Fault hang() {
            return new Fault(0, true, false);
        }

        /** Reads the request and resets the connection (TCP RST) without answering. */
        public static Fault reset() {
            return new Fault(0, false, true);
        }
    }

    private static final String KEY = "faulty-service-access-key-0123456789-abcdef";
    private static FaultyService current;

    private final ServerSocket server;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Socket> held = new ArrayList<>();

    private FaultyService() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The service of this JVM, started on first use. */
    public static synchronized FaultyService current() {
        if (current == null) {
            try {
                current = new FaultyService();
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the faulty service's port", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(current::close, "faulty-service-stop"));
        }
        return current;
    }

    /** The connection string of a hub on this service. */
    public String connectionString() {
        return "Endpoint=http://127.0.0.1:" + server.getLocalPort() + ";AccessKey=" + KEY + ";Version=1.0;";
    }

    /** Scripts the next requests' faults, in order. */
    public synchronized FaultyService then(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            script.add(fault);
        }
        return this;
    }

    /** The request lines received since the last {@link #reset()}, e.g. {@code POST /api/hubs/faulty/:send?…}. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the script and the requests, and closes the hanging connections. */
    public synchronized void reset() {
        script.clear();
        requests.clear();
        held.forEach(FaultyService::closeQuietly);
        held.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> handle(socket), "faulty-service-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try {
            socket.setSoTimeout(30_000);
            String requestLine = readRequest(socket.getInputStream());
            if (requestLine == null) {
                socket.close();
                return;
            }
            Fault fault;
            synchronized (this) {
                requests.add(requestLine);
                fault = script.poll();
                if (fault != null && fault.hangs()) {
                    held.add(socket);
                    return;
                }
            }
            if (fault != null && fault.resets()) {
                socket.setSoLinger(true, 0);
                socket.close();
                return;
            }
            int status = fault != null ? fault.status() : requestLine.startsWith("POST ") ? 202 : 200;
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.close();
        } catch (IOException e) {
            closeQuietly(socket);
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

    @Override
    public synchronized void close() {
        reset();
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
