package io.webpubsub.it.quarkus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A keep-alive HTTP/1.1 server on loopback that closes a connection once it has waited a given time for the next
 * request (as load balancers close idle connections) and answers each request line with what a function gives.
 * Records the request lines and counts connections.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** An answer: status line text and JSON body (empty for none). */
    record Reply(String status, String json) {
    }

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final int idleCloseMillis;
    private final Function<String, Reply> replies;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    LoopbackHttpServer(int idleCloseMillis, Function<String, Reply> replies) throws IOException {
        this.idleCloseMillis = idleCloseMillis;
        this.replies = replies;
        Thread acceptLoop = new Thread(this::acceptLoop, "loopback-http-accept");
        acceptLoop.setDaemon(true);
        acceptLoop.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    int connections() {
        return accepted.size();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket connection = socket.accept();
                accepted.add(connection);
                Thread worker = new Thread(() -> exchangeAll(connection), "loopback-http-connection");
                worker.setDaemon(true);
                worker.start();
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    private void exchangeAll(Socket connection) {
        try (connection) {
            connection.setSoTimeout(idleCloseMillis);
            InputStream in = connection.getInputStream();
            for (List<String> head = head(in); head != null; head = head(in)) {
                in.readNBytes(contentLength(head));
                requestLines.add(head.get(0));
                Reply reply = replies.apply(head.get(0));
                byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
                String response = "HTTP/1.1 " + reply.status() + "\r\nContent-Length: " + body.length
                        + (body.length > 0 ? "\r\nContent-Type: application/json" : "") + "\r\n\r\n";
                connection.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
                connection.getOutputStream().write(body);
                connection.getOutputStream().flush();
            }
        } catch (SocketTimeoutException idle) {
            // waited too long for the next request: closed silently, as a load balancer does
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    /** The request line and header lines, or null when the client closed the connection. */
    private static List<String> head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            bytes.write(b);
            String text = bytes.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return List.of(text.trim().split("\r\n"));
            }
        }
        return null;
    }

    private static int contentLength(List<String> head) {
        return head.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(h -> Integer.parseInt(h.substring(15).trim())).findFirst().orElse(0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }
}
