package org.ecomonitor.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that the test controls: it forwards to a server and can cut a connection in the middle
 * of a response, either after a number of response bytes, or right when the answer to the n-th request whose first
 * line starts with a prefix begins to come back (the server has done the work, the client never hears of it).
 * Each rule fires once.
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicLong cutAfterBytes = new AtomicLong(-1);
    private volatile String cutRequestPrefix;
    private final AtomicInteger cutRequestCountdown = new AtomicInteger(-1);
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean open = true;

    LoopbackProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "loopback-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Cuts the connection once {@code n} more response bytes have passed. */
    void cutResponseAfter(long n) {
        cutAfterBytes.set(n);
    }

    /** Cuts the connection when the answer to the {@code nth} request starting with {@code prefix} begins. */
    void cutAnswerTo(String prefix, int nth) {
        cutRequestPrefix = prefix;
        cutRequestCountdown.set(nth);
    }

    int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                Connection c = new Connection(client, server);
                Thread up = new Thread(c::upstream, "proxy-up");
                Thread down = new Thread(c::downstream, "proxy-down");
                up.setDaemon(true);
                down.setDaemon(true);
                up.start();
                down.start();
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private final class Connection {
        final Socket client;
        final Socket server;
        volatile boolean cutOnNextAnswer;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void upstream() {
            byte[] buf = new byte[8192];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    String prefix = cutRequestPrefix;
                    if (prefix != null && new String(buf, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1).startsWith(prefix)
                            && cutRequestCountdown.get() > 0 && cutRequestCountdown.decrementAndGet() == 0) {
                        cutOnNextAnswer = true;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            } finally {
                close();
            }
        }

        void downstream() {
            byte[] buf = new byte[8192];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (cutOnNextAnswer) {
                        cuts.incrementAndGet();
                        cutRequestPrefix = null;
                        return;
                    }
                    long budget = cutAfterBytes.get();
                    if (budget >= 0) {
                        if (n >= budget) {
                            out.write(buf, 0, (int) budget);
                            out.flush();
                            cutAfterBytes.set(-1);
                            cuts.incrementAndGet();
                            return;
                        }
                        cutAfterBytes.addAndGet(-n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            } finally {
                close();
            }
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }
}
