package io.webpubsub.it.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the Web PubSub service on a loopback port that keeps connections alive between requests and
 * closes each one after {@link #IDLE_MILLIS} without a request, as load balancers and the service do with idle
 * connections: a client that reuses a connection it kept longer fails on a closed socket. Every request gets 202.
 */
public final class IdleService implements AutoCloseable {

    /** How long a connection may stay idle before the service closes it. */
    public static final int IDLE_MILLIS = 500;
    private static final String KEY = "idle-service-access-key-0123456789-abcdefgh";
    private static IdleService current;

    private final ServerSocket server;
    private final List<String> requests = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private int connections;

    private IdleService() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "idle-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The service of this JVM, started on first use. */
    public static synchronized IdleService current() {
        if (current == null) {
            try {
                current = new IdleService();
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the idle service's port", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(current::close, "idle-service-stop"));
        }
        return current;
    }

    /** The connection string of a hub on this service. */
    public String connectionString() {
        return "Endpoint=http://127.0.0.1:" + server.getLocalPort() + ";AccessKey=" + KEY + ";Version=1.0;";
    }

    /** The request lines received since the last {@link #reset()}. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The connections accepted since the last {@link #reset()}. */
    public synchronized int connections() {
        return connections;
    }

    /** Forgets the requests and closes the open connections. */
    public synchronized void reset() {
        requests.clear();
        connections = 0;
        open.forEach(FaultyService::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    connections++;
                    open.add(socket);
                }
                Thread handler = new Thread(() -> serve(socket), "idle-service-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            OutputStream out = socket.getOutputStream();
            String requestLine;
            while ((requestLine = FaultyService.readRequest(socket.getInputStream())) != null) {
                synchronized (this) {
                    requests.add(requestLine);
                }
                out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (SocketTimeoutException e) {
            // idle too long: closed by the try, as the service would
        } catch (IOException e) {
            // the client went away
        } finally {
            synchronized (this) {
                open.remove(socket);
            }
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
