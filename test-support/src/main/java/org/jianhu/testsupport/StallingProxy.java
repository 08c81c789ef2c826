package org.jianhu.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder that a test can stall: while stalled it forwards no byte either way but closes nothing, so a
 * client sees a server that has gone silent (a broker whose confirms never come, a network that drops packets)
 * rather than one that went away, as with {@link TcpProxy#cut()}. New connections are accepted and stall too.
 * {@link #resume()} forwards whatever was held back and goes on.
 */
public final class StallingProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object flow = new Object();
    private boolean stalled;

    public StallingProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException failed) {
            throw new IllegalStateException("no free local port for the proxy", failed);
        }
        Thread acceptor = new Thread(this::accept, "stalling-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** To RabbitMQ as the tests find it ({@link Infrastructure#rabbit()}). */
    public static StallingProxy toRabbit() {
        return new StallingProxy(Infrastructure.rabbit().host(), Infrastructure.rabbit().port());
    }

    public int port() {
        return listener.getLocalPort();
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
        closeQuietly(listener);
        sockets.forEach(StallingProxy::closeQuietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException closedOrRefused) {
                // closed, or the target refused: either way this connection is over
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    // Holding the bytes read (and reading no more) is what stalls both ends: TCP itself
                    // then stops each sender once the buffers between are full.
                    awaitFlow();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException dropped) {
                // one side closed; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "stalling-proxy-pump-" + port());
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitFlow() throws InterruptedException {
        synchronized (flow) {
            while (stalled) {
                flow.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
