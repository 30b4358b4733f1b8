package io.webpubsub.bench.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.webpubsub.bench.common.Histogram;

/**
 * Open-loop HTTP/1.1 POSTs at a fixed rate over a fixed pool of keep-alive connections, one worker thread each.
 * <p>
 * Request {@code i} is due at {@code t0 + i / rate}. A free worker claims the next index, waits for its due time,
 * sends on its own connection and reads the whole response; latency counts from the <em>due</em> time, so when every
 * worker is busy the wait for a free one is part of the figure (no coordinated omission). The pool is fixed: the
 * sender never opens more connections under load (the JDK {@code HttpClient.sendAsync} open loop it replaces opened
 * one per in-flight request, thousands, overflowing the server's accept backlog; SYN retries then added seconds).
 * Plain sockets keep the sender's own cost to writing bytes and parsing a status line.
 */
final class FixedRateSender {
    /** A start more than this after the due time counts as late (every worker was busy). */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final URI uri;
    private final String authorization;
    private final int connections;

    FixedRateSender(URI uri, String authorization, int connections) {
        this.uri = uri;
        this.authorization = authorization;
        this.connections = connections;
    }

    /** The outcome of one run. */
    record Result(int ops, double achievedRate, Histogram latency, int errors, int lateStarts, int connections,
            int opened) {
        String line(int targetRate) {
            return String.format(Locale.ROOT, "REST ops=%d targetRate=%d achievedRate=%.0f p50us=%.0f p99us=%.0f "
                            + "maxus=%.0f errors=%d lateStarts=%d connections=%d opened=%d", ops, targetRate,
                    achievedRate, latency.percentileMicros(50), latency.percentileMicros(99),
                    latency.percentileMicros(100), errors, lateStarts, connections, opened);
        }
    }

    Result run(int rate, double secs) throws InterruptedException {
        int total = (int) (rate * secs);
        long interval = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int w = 0; w < connections; w++) {
            Worker worker = new Worker(next, total, t0, interval);
            workers.add(worker);
            worker.thread.start();
        }
        Histogram latency = new Histogram();
        int errors = 0;
        int late = 0;
        int opened = 0;
        long lastEnd = t0;
        for (Worker w : workers) {
            w.thread.join();
            latency.add(w.latency);
            errors += w.errors;
            late += w.late;
            opened += w.opened;
            lastEnd = Math.max(lastEnd, w.lastStart);
        }
        double achieved = total <= 1 ? rate : (total - 1) / ((lastEnd - t0) / 1e9);
        return new Result(total, achieved, latency, errors, late, connections, opened);
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "rest-sender");
        final Histogram latency = new Histogram();
        private final AtomicInteger next;
        private final int total;
        private final long t0;
        private final long interval;
        int errors;
        int late;
        int opened;
        long lastStart;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Worker(AtomicInteger next, int total, long t0, long interval) {
            this.next = next;
            this.total = total;
            this.t0 = t0;
            this.interval = interval;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    long due = t0 + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long start = System.nanoTime();
                    lastStart = Math.max(lastStart, start);
                    if (start - due > LATE_NANOS) {
                        late++;
                    }
                    if (!send(i)) {
                        errors++;
                    }
                    latency.recordNanos(System.nanoTime() - due);
                }
            } finally {
                disconnect();
            }
        }

        /** One request and its whole response; true on 202. A broken connection is an error and is reopened. */
        private boolean send(int i) {
            try {
                if (socket == null) {
                    connect();
                }
                byte[] body = ("rest " + i).getBytes(StandardCharsets.UTF_8);
                out.write(head(body.length));
                out.write(body);
                out.flush();
                return readResponse() == 202;
            } catch (IOException e) {
                disconnect();
                return false;
            }
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            opened++;
        }

        private void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a connection we are giving up on
                }
                socket = null;
            }
        }

        private byte[] head(int contentLength) {
            return ("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** Reads status line, headers and body (Content-Length, chunked, or to close); returns the status. */
        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                close = true;
                while (in.read() >= 0) {
                    // body delimited by the end of the connection
                }
            }
            if (close) {
                disconnect();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        private void skip(long n) throws IOException {
            for (long left = n; left > 0; ) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    s = 1;
                }
                left -= s;
            }
        }
    }
}
