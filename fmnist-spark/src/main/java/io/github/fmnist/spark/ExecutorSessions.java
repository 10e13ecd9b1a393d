package io.github.fmnist.spark;

import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime sessions of this JVM, one per model: opened by the first task that needs one and shared by every
 * later task of the executor. Never serialised (static state). Predictions hold a read lock and closing takes the
 * write lock, so a session is never closed under a running prediction; a shutdown hook closes them all when the JVM
 * exits, waiting up to {@value #CLOSE_WAIT_SECONDS} s for predictions still running.
 */
final class ExecutorSessions {
    static final int CLOSE_WAIT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSessions.class);
    private static final Map<String, OnnxClassifier> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong OPENINGS = new AtomicLong();
    private static final ReadWriteLock LOCK = new ReentrantReadWriteLock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorSessions::closeAtExit, "fmnist-spark-close-sessions"));
    }

    private ExecutorSessions() {
    }

    /**
     * Class probabilities for {@code nchw} from the session for {@code source}, opening it with {@code intraOpThreads}
     * threads if this JVM has none yet (the first opening's thread count stays).
     */
    static float[][] predict(ModelSource source, int intraOpThreads, float[] nchw) {
        LOCK.readLock().lock();
        try {
            return OPEN.computeIfAbsent(source.key(), key -> open(source, intraOpThreads)).predictNormalized(nchw);
        } finally {
            LOCK.readLock().unlock();
        }
    }

    private static OnnxClassifier open(ModelSource source, int intraOpThreads) {
        try {
            OnnxClassifier opened = source.open(OnnxRuntimeOptions.defaults().withIntraOpThreads(intraOpThreads));
            OPENINGS.incrementAndGet();
            LOG.info("opened {} for this executor ({} intra-op threads)", source, intraOpThreads);
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** How many sessions this JVM has opened so far. */
    static long openings() {
        return OPENINGS.get();
    }

    /** Closes every session once no prediction runs; a later prediction opens a new one. */
    static void closeAll() {
        LOCK.writeLock().lock();
        try {
            closeOpen();
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    private static void closeOpen() {
        for (String key : OPEN.keySet()) {
            OnnxClassifier c = OPEN.remove(key);
            if (c != null) {
                c.close();
            }
        }
    }

    private static void closeAtExit() {
        try {
            if (LOCK.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                try {
                    closeOpen();
                } finally {
                    LOCK.writeLock().unlock();
                }
            } else {
                LOG.warn("{} ONNX Runtime session(s) left to the exiting process: a prediction was still running", OPEN.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
