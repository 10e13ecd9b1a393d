package io.github.fmnist.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.fmnist.api.DataUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a local HTTP server on the loopback interface serving small synthetic IDX gz files. */
class DatasetDownloadTest {
    @TempDir
    Path root;
    Path cache;
    Path served;
    Map<String, String> sums;
    HttpServer server;
    ExecutorService executor;
    final AtomicInteger requests = new AtomicInteger();
    /** How the server misbehaves for a given file name; absent means serve it properly. */
    final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();

    enum Behaviour { CUT_HALFWAY, NOT_FOUND, STALL }

    @BeforeEach
    void start() throws Exception {
        cache = root.resolve("cache");
        served = root.resolve("served");
        sums = FashionMnistLoaderTest.writeDataset(served, true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/data/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
        Path file = served.resolve(name);
        Behaviour how = behaviour.get(name);
        try (exchange) {
            if (!Files.isRegularFile(file) || how == Behaviour.NOT_FOUND) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (how == Behaviour.CUT_HALFWAY) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // HttpServer closes the connection when fewer bytes than announced were written
                return;
            }
            if (how == Behaviour.STALL) {
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(5_000);
                return;
            }
            out.write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // expected for the cut and stalled transfers
        }
    }

    private FashionMnist.Builder online(Map<String, String> expected) {
        Map<String, String> properties = Map.of("user.home", root.resolve("home").toString());
        return FashionMnist.builder()
                .lookups(properties::get, name -> null)
                .systemDirectories(List.of(root.resolve("no-system-dir")))
                .cacheDirectory(cache)
                .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data"))
                .timeout(Duration.ofSeconds(2))
                .expectedSha256(expected)
                .offline(false);
    }

    @Test
    void downloadsVerifiesAndCachesAllFiles() throws Exception {
        FashionMnistData data = online(sums).load();
        assertEquals(FashionMnistLoaderTest.TRAIN, data.train());
        assertEquals(FashionMnistLoaderTest.TEST, data.test());
        assertEquals(sums, data.sha256());
        assertEquals(cache.toAbsolutePath().toString(), data.source());
        assertEquals(4, requests.get());
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz"), cacheContents());

        online(sums).load();
        assertEquals(4, requests.get(), "the second load is served from the cache");
    }

    @Test
    void onlyMissingFilesAreDownloaded() throws Exception {
        Files.createDirectories(cache);
        Files.copy(served.resolve("train-images-idx3-ubyte.gz"), cache.resolve("train-images-idx3-ubyte.gz"));
        online(sums).load();
        assertEquals(3, requests.get());
    }

    @Test
    void checksumMismatchKeepsNothing() {
        Map<String, String> wrong = new HashMap<>(sums);
        wrong.put("train-labels-idx1-ubyte", "ab".repeat(32));
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> online(wrong).load());
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("ab".repeat(32))
                && e.getMessage().contains(sums.get("train-labels-idx1-ubyte")), e.getMessage());
        assertTrue(cacheContents().stream().noneMatch(n -> n.startsWith("train-labels") || n.endsWith(".part")),
                () -> "cache: " + cacheContents());
    }

    @Test
    void connectionCutMidTransferLeavesNoPartialFile() {
        behaviour.put("train-images-idx3-ubyte.gz", Behaviour.CUT_HALFWAY);
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> online(sums).load());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(cacheContents().stream().noneMatch(n -> n.startsWith("train-images") || n.endsWith(".part")),
                () -> "cache: " + cacheContents());

        behaviour.clear();
        assertEquals(FashionMnistLoaderTest.TRAIN, online(sums).load().train(), "a later attempt succeeds");
    }

    @Test
    void stalledTransferTimesOut() {
        behaviour.put("train-labels-idx1-ubyte.gz", Behaviour.STALL);
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> online(sums).timeout(Duration.ofMillis(400)).load());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
        assertTrue(cacheContents().stream().noneMatch(n -> n.startsWith("train-labels") || n.endsWith(".part")),
                () -> "cache: " + cacheContents());
    }

    @Test
    void missingRemoteFileIsReported() {
        behaviour.put("t10k-labels-idx1-ubyte.gz", Behaviour.NOT_FOUND);
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> online(sums).load());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(cacheContents().stream().noneMatch(n -> n.endsWith(".part")), () -> "cache: " + cacheContents());
    }

    @Test
    void offlineNeverContactsTheServer() {
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> online(sums).offline(true).load());
        assertTrue(e.getMessage().contains("download: switched off"), e.getMessage());
        assertEquals(0, requests.get());
        assertTrue(cacheContents().isEmpty());
    }

    @Test
    void offlineSystemPropertyIsHonoured() {
        Map<String, String> properties = Map.of("user.home", root.toString(), "fmnist.offline", "true",
                "fmnist.cache.dir", cache.toString());
        FashionMnist.Builder builder = FashionMnist.builder()
                .lookups(properties::get, name -> null)
                .systemDirectories(List.of())
                .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/"))
                .expectedSha256(sums);
        assertThrows(DataUnavailableException.class, builder::load);
        assertEquals(0, requests.get());
        assertEquals(sums, builder.offline(false).load().sha256(), "the builder setting overrides the property");
    }

    private List<String> cacheContents() {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
