package org.jianhu.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpProxyTest {

    /** How long a stalled or cut connection is watched for a byte that must not come. */
    private static final int QUIET_MILLIS = 300;

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread echoing = new Thread(() -> echoBack(client), "echo");
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException closed) {
                    // the test is over
                }
            }
        }, "echo-accept");
        accepting.setDaemon(true);
        accepting.start();
        proxy = new TcpProxy("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, 'a')).isEqualTo('a');
        }
    }

    @Test
    void aStalledProxyForwardsNothingClosesNothingAndDeliversWhatItHeldOnResume() throws IOException {
        try (Socket open = connect()) {
            proxy.stall();
            open.getOutputStream().write('b');
            assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            try (Socket opened = connect()) {
                opened.getOutputStream().write('c');
                assertThatThrownBy(() -> opened.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

                proxy.resume();
                assertThat(readSoon(opened)).isEqualTo('c');
            }
            assertThat(readSoon(open)).isEqualTo('b');
            assertThat(roundTrip(open, 'd')).isEqualTo('d');
        }
    }

    @Test
    void aCutProxyDropsOpenConnectionsAndRefusesNewOnesUntilRestoredOnTheSamePort() throws IOException {
        int port = proxy.port();
        try (Socket open = connect()) {
            assertThat(roundTrip(open, 'e')).isEqualTo('e');
            proxy.cut();
            assertDropped(open);
        }
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);

        proxy.restore();
        assertThat(proxy.port()).isEqualTo(port);
        try (Socket again = connect()) {
            assertThat(roundTrip(again, 'f')).isEqualTo('f');
        }
    }

    @Test
    void cuttingAStalledProxyDropsItsHeldConnections() throws IOException {
        try (Socket open = connect()) {
            proxy.stall();
            open.getOutputStream().write('g');
            proxy.cut();
            assertDropped(open);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(QUIET_MILLIS);
        return socket;
    }

    private static int roundTrip(Socket socket, char sent) throws IOException {
        socket.getOutputStream().write(sent);
        return readSoon(socket);
    }

    /** The next byte, which must come: waits up to 5 s, not just the quiet spell. */
    private static int readSoon(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return socket.getInputStream().read();
        } finally {
            socket.setSoTimeout(QUIET_MILLIS);
        }
    }

    /** Closed by the proxy: end of stream, or a reset where the proxy closed with a byte still unread. */
    private static void assertDropped(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        } catch (SocketException reset) {
            // dropped all the same
        }
    }

    private static void echoBack(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the proxy let go
        }
    }
}
