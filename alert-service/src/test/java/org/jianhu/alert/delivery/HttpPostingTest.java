package org.jianhu.alert.delivery;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.jianhu.alert.destination.RefusedDestination;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed try is told by its category, never by what the exception says. */
class HttpPostingTest {

    @Test
    void eachFailureHasItsCategory() {
        assertThat(HttpPosting.category(new RefusedDestination("url reaches a loopback address")))
                .isEqualTo("refused by policy");
        assertThat(HttpPosting.category(new ConnectTimeoutException("Connect to 10.0.0.1:8081 timed out")))
                .isEqualTo("timeout");
        assertThat(HttpPosting.category(new SocketTimeoutException("Read timed out"))).isEqualTo("timeout");
        assertThat(HttpPosting.category(new HttpHostConnectException("Connect to 127.0.0.1:8081 failed")))
                .isEqualTo("connection refused");
        assertThat(HttpPosting.category(new IOException("wrapped", new ConnectException("refused"))))
                .isEqualTo("connection refused");
        assertThat(HttpPosting.category(new UnknownHostException("nowhere.example"))).isEqualTo("host not found");
        assertThat(HttpPosting.category(new SSLHandshakeException("PKIX path building failed"))).isEqualTo("TLS failed");
        assertThat(HttpPosting.category(new IOException("Broken pipe"))).isEqualTo("not reached");
    }
}
