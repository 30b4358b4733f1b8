package io.webpubsub.it.scenarios;

import java.io.IOException;
import java.io.OutputStream;
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
public final class IdleService extends LoopbackService {

    /** How long a connection may stay idle before the service closes it. */
    public static final int IDLE_MILLIS = 500;
    private static IdleService current;

    private final List<String> requests = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private int connections;

    private IdleService() {
        super("idle-service");
    }

    /** The service of this JVM, started on first use. */
    public static synchronized IdleService current() {
        if (current == null) {
            current = new IdleService();
            current.start();
        }
        return current;
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
        open.forEach(LoopbackService::closeQuietly);
        open.clear();
    }

    @Override
    protected void serve(Socket socket) {
        synchronized (this) {
            connections++;
            open.add(socket);
        }
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            OutputStream out = socket.getOutputStream();
            String requestLine;
            while ((requestLine = readRequest(socket.getInputStream())) != null) {
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
        super.close();
    }
}
