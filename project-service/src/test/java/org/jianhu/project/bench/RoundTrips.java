package org.jianhu.project.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what each thread group sends PostgreSQL through the service's data source: statements executed and
 * transaction control (commit, rollback, savepoints), each a round trip (the driver sends BEGIN with the first
 * statement, so it is none). pg_stat_statements would say the same from
 * the server's side, but the shared server does not load it. The proxies cost a little on every call, so the
 * benchmark counts only when asked ({@code -Dbench.count-round-trips=true}).
 */
final class RoundTrips implements BeanPostProcessor {

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback", "setSavepoint",
            "releaseSavepoint");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((group, count) -> copy.put(group, count.sum()));
        return copy;
    }

    private void count() {
        counts.computeIfAbsent(CpuUse.groupOf(Thread.currentThread().getName()), group -> new LongAdder())
                .increment();
    }

    private final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(Connection.class, super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(Connection.class, super.getConnection(username, password));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T counting(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            Object result = invoke(method, target, arguments);
            if (EXECUTING.contains(method.getName()) && target instanceof Statement
                    || TRANSACTION_CONTROL.contains(method.getName()) && target instanceof Connection) {
                count();
            }
            if (result instanceof java.sql.CallableStatement callable) {
                return counting(java.sql.CallableStatement.class, callable);
            }
            if (result instanceof java.sql.PreparedStatement prepared) {
                return counting(java.sql.PreparedStatement.class, prepared);
            }
            if (result instanceof Statement statement && !(result instanceof java.sql.ResultSet)) {
                return counting(Statement.class, statement);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
