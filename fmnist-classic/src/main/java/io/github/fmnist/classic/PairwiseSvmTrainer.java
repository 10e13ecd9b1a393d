package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.TrainingCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import smile.classification.Classifier;
import smile.classification.OneVersusOne;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Fits the 45 one-vs-one RBF SVMs (Smile's LASVM solver) with Platt scaling, one pair per task on all
 * cores, and assembles them into Smile's {@link OneVersusOne}. Unlike {@code OneVersusOne.fit}, it reports
 * each finished pair and stops between pairs when cancelled. Each pair seeds Smile's generator on its own
 * worker thread from the training seed and the pair index, so the result does not depend on scheduling.
 */
final class PairwiseSvmTrainer {
    private static final long POLL_MILLIS = 200;

    private final double c;
    private final double sigma;
    private final double tolerance;
    private final int epochs;
    private final int threads;

    /** @param threads the pairs fitted at once: the training request's thread budget */
    PairwiseSvmTrainer(double c, double sigma, double tolerance, int epochs, int threads) {
        this.c = c;
        this.sigma = sigma;
        this.tolerance = tolerance;
        this.epochs = epochs;
        this.threads = threads;
    }

    private record Pair(int index, int positive, int negative) {
    }

    private record Fitted(Pair pair, SVM<double[]> svm, PlattScaling platt) {
    }

    @SuppressWarnings("unchecked")
    OneVersusOne<double[]> fit(double[][] x, int[] y, long seed, TrainingReporter reporter) {
        int k = FashionClass.COUNT;
        List<Pair> pairs = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                pairs.add(new Pair(pairs.size(), i, j));
            }
        }
        Classifier<double[]>[][] classifiers = new Classifier[k][];
        PlattScaling[][] platts = new PlattScaling[k][];
        for (int i = 1; i < k; i++) {
            classifiers[i] = new Classifier[i];
            platts[i] = new PlattScaling[i];
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fmnist-svm-pair");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Fitted> done = new ExecutorCompletionService<>(pool);
            for (Pair pair : pairs) {
                done.submit(() -> stop.get() ? null : fitPair(pair, x, y, ClassicModels.taskSeed(seed, pair.index())));
            }
            for (int finished = 0; finished < pairs.size(); ) {
                Future<Fitted> next = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (reporter.isCancelled()) {
                    stop.set(true);
                    reporter.checkCancelled();
                }
                if (next == null) {
                    continue;
                }
                Fitted f = next.get();
                classifiers[f.pair().positive()][f.pair().negative()] = f.svm();
                platts[f.pair().positive()][f.pair().negative()] = f.platt();
                finished++;
                reporter.progress("pairs", finished, pairs.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingCancelledException("SVM training interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("SVM pair training failed", cause);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        return new OneVersusOne<>(classifiers, platts);
    }

    private Fitted fitPair(Pair pair, double[][] x, int[] y, long seed) {
        ClassicModels.seed(seed);
        int n = 0;
        for (int label : y) {
            if (label == pair.positive() || label == pair.negative()) {
                n++;
            }
        }
        double[][] xij = new double[n][];
        int[] yij = new int[n];
        for (int l = 0, q = 0; l < y.length; l++) {
            if (y[l] == pair.positive() || y[l] == pair.negative()) {
                xij[q] = x[l];
                yij[q] = y[l] == pair.positive() ? +1 : -1;
                q++;
            }
        }
        SVM<double[]> svm = SVM.fit(xij, yij, new GaussianKernel(sigma), new SVM.Options(c, tolerance, epochs));
        PlattScaling platt = PlattScaling.fit(svm, xij, yij);
        return new Fitted(pair, svm, platt);
    }
}
