package policygraph;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Embedded Neo4j with a Bolt port on loopback. Maven Central has the embedded library but no server tarball.
 * Usage: NEO4J_PASSWORD=... java -Xmx1g -cp ... policygraph.Neo4jLauncher HOME_DIR PORT
 * The password comes from the environment because `ps` shows the command line to every user.
 */
public final class Neo4jLauncher {
    // Neo4j's own default for dbms.security.auth_minimum_password_length: shorter ones make ALTER USER fail.
    private static final int MIN_PASSWORD_LENGTH = 8;

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[1].matches("\\d{1,5}")) fail("usage: Neo4jLauncher HOME_DIR PORT");
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            fail("NEO4J_PASSWORD must be set and at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = null;
        try {
            dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]).toAbsolutePath())
                    .setConfig(settings(port))
                    .setUserLogProvider(new Log4jLogProvider(System.out))
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            if (dbms != null) dbms.shutdown();
            fail("cannot start: " + rootMessage(e));
        }
        awaitBolt(port);
        System.out.println("NEO4J READY " + Version.getNeo4jVersion() + " bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join(); // until SIGTERM runs the shutdown hook
    }

    private static Map<org.neo4j.graphdb.config.Setting<?>, Object> settings(int port) {
        return Map.of(
                BoltConnector.enabled, true,
                BoltConnector.listen_address, new SocketAddress("127.0.0.1", port),
                HttpConnector.enabled, false,
                HttpsConnector.enabled, false,
                GraphDatabaseSettings.auth_enabled, true,
                GraphDatabaseSettings.udc_enabled, false, // no usage reports to neo4j.com
                GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256),
                // Bolt waits 5 s twice for connections after the databases have already stopped: SIGTERM took 12 s.
                BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1),
                BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
    }

    /** Bolt is already listening here, but a fresh store only accepts neo4j/neo4j for a password change until now. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            // A restart with the password already in place: Neo4j refuses to "change" it to itself.
            if (!rootMessage(e).contains("cannot be the same")) throw e;
        }
    }

    private static void awaitBolt(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        fail("Bolt did not answer on 127.0.0.1:" + port);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage()).replace('\n', ' ');
    }

    private static void fail(String message) {
        System.err.println("NEO4J ERROR: " + message);
        System.exit(2);
    }
}
