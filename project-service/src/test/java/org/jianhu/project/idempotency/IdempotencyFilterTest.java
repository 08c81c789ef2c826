package org.jianhu.project.idempotency;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A keyed write is acknowledged only once its transaction committed. */
class IdempotencyFilterTest {

    @Test
    void aCommitThatFailsBecauseTheDatabaseWentAwayIsAnswered503NeverA2xx() throws Exception {
        TransactionTemplate transaction = mock(TransactionTemplate.class);
        when(transaction.execute(any())).thenAnswer(invocation -> {
            throw new TransactionSystemException("commit failed",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        });
        IdempotencyFilter filter = new IdempotencyFilter(mock(IdempotentRequests.class), transaction, mock(Cache.class));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects/p-1/transactions");
        request.addHeader(IdempotencyFilter.HEADER, "pay-1-attempt");
        request.setContent("{}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(200);

        filter.doFilter(request, response, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:jianhu:problem:unavailable");
    }

    @Test
    void aFailureThatIsNoOutageIsNotTakenForOne() {
        TransactionTemplate transaction = mock(TransactionTemplate.class);
        when(transaction.execute(any())).thenThrow(new IllegalStateException("a bug"));
        IdempotencyFilter filter = new IdempotencyFilter(mock(IdempotentRequests.class), transaction, mock(Cache.class));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects/p-1/transactions");
        request.addHeader(IdempotencyFilter.HEADER, "k");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOc4idsImportIsNeverWrappedInTheKeysTransaction() throws Exception {
        TransactionTemplate transaction = mock(TransactionTemplate.class);
        IdempotencyFilter filter = new IdempotencyFilter(mock(IdempotentRequests.class), transaction, mock(Cache.class));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/oc4ids/import");
        request.addHeader(IdempotencyFilter.HEADER, "import-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200));

        assertThat(response.getStatus()).isEqualTo(200);
        org.mockito.Mockito.verifyNoInteractions(transaction);
    }
}
