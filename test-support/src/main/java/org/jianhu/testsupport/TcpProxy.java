package org.jianhu.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a local port, to play a network or broker failure without touching a server other tests
 * share. Two failures: {@link #cut()} is a server gone away (open connections dropped, new ones refused, until
 * {@link #restore()}); {@link #stall()} is a server gone silent (no byte forwarded either way, nothing closed, new
 * connections accepted and silent too: a broker whose confirms never come), until {@link #resume()} forwards what
 * was held back and goes on.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object flow = new Object();
    private volatile ServerSocket listener;
    private Thread acceptor;
    private boolean stalled;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException("no free local port for the proxy", failed);
        }
        restore();
    }

    /** To RabbitMQ as the tests find it ({@link Infrastructure#rabbit()}). */
    public static TcpProxy toRabbit() {
        return new TcpProxy(Infrastructure.rabbit().host(), Infrastructure.rabbit().port());
    }

    /** The local port, the same across {@link #cut()} and {@link #restore()}. */
    public int port() {
        return port;
    }

    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException failed) {
            throw new IllegalStateException("could not listen on " + port, failed);
        }
        ServerSocket accepting = listener;
        acceptor = new Thread(() -> accept(accepting), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Once this returns, every connection is dropped and a new one refused. */
    public void cut() {
        Thread accepting;
        synchronized (this) {
            closeQuietly(listener);
            listener = null;
            sockets.forEach(TcpProxy::closeQuietly);
            sockets.clear();
            accepting = acceptor;
            acceptor = null;
        }
        // pumps held by a stall see their sockets closed and end
        synchronized (flow) {
            flow.notifyAll();
        }
        // The port goes on listening until the thread blocked in accept lets go of the socket: waited for, so a
        // test's next connection is refused for sure.
        if (accepting != null) {
            try {
                accepting.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void stall() {
        synchronized (flow) {
            stalled = true;
        }
    }

    public void resume() {
        synchronized (flow) {
            stalled = false;
            flow.notifyAll();
        }
    }

    @Override
    public void close() {
        resume();
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                if (!keep(server, client, target)) {
                    continue;
                }
                pump(client, target);
                pump(target, client);
            } catch (IOException closedOrRefused) {
                // cut, or the target refused: either way this connection is over
            }
        }
    }

    /** Under the lock cut takes, so a connection accepted just before a cut is dropped by it all the same. */
    private synchronized boolean keep(ServerSocket server, Socket client, Socket target) {
        if (server.isClosed()) {
            closeQuietly(client);
            closeQuietly(target);
            return false;
        }
        sockets.add(client);
        sockets.add(target);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    // Holding the bytes read (and reading no more) is what stalls both ends: TCP itself then
                    // stops each sender once the buffers between are full.
                    awaitFlow(to);
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException dropped) {
                // one side closed; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitFlow(Socket to) throws InterruptedException {
        synchronized (flow) {
            while (stalled && !to.isClosed()) {
                flow.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }
}
