package io.github.fmnist.spark;

import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime sessions of this JVM, one per model: opened by the first task that needs one and shared by every
 * later task of the executor. Never serialised (static state); closed when the JVM shuts down, after Spark has stopped
 * running tasks in it.
 */
final class ExecutorSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSessions.class);
    private static final Map<String, OnnxClassifier> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong OPENINGS = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorSessions::closeAll, "fmnist-spark-close-sessions"));
    }

    private ExecutorSessions() {
    }

    /** The session for {@code source}, opening it with {@code intraOpThreads} threads if this JVM has none yet. */
    static OnnxClassifier get(ModelSource source, int intraOpThreads) {
        return OPEN.computeIfAbsent(source.key(), key -> {
            try {
                OnnxClassifier opened = source.open(OnnxRuntimeOptions.defaults().withIntraOpThreads(intraOpThreads));
                OPENINGS.incrementAndGet();
                LOG.info("opened {} for this executor ({} intra-op threads)", source, intraOpThreads);
                return opened;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
        });
    }

    /** How many sessions this JVM has opened so far. */
    static long openings() {
        return OPENINGS.get();
    }

    /** Closes every session; a later task opens a new one. Must not overlap running tasks. */
    static void closeAll() {
        for (String key : OPEN.keySet()) {
            OnnxClassifier c = OPEN.remove(key);
            if (c != null) {
                c.close();
            }
        }
    }
}
