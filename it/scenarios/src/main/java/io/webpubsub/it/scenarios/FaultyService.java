package io.webpubsub.it.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A faulty stand-in for the Web PubSub service on a loopback port, for the fault-tolerance scenarios: each request
 * takes the next scripted {@link Fault} (an HTTP status, a hang, a connection reset), else succeeds (202 for POST,
 * 200 otherwise). Every connection is closed after its answer. Hanging connections are held until {@link #reset()}.
 */
public final class FaultyService extends LoopbackService {

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

    private static FaultyService current;

    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Socket> held = new ArrayList<>();

    private FaultyService() {
        super("faulty-service");
    }

    /** The service of this JVM, started on first use. */
    public static synchronized FaultyService current() {
        if (current == null) {
            current = new FaultyService();
            current.start();
        }
        return current;
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
        held.forEach(LoopbackService::closeQuietly);
        held.clear();
    }

    @Override
    protected void serve(Socket socket) {
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

    @Override
    public synchronized void close() {
        reset();
        super.close();
    }
}
