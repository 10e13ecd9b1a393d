package io.github.fmnist.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every model plugin must honour. Extend it in your plugin's tests, supply the provider and
 * small training settings, and run it with JUnit 5:
 *
 * <pre>{@code
 * class MyModelContractTest extends ClassifierContractTest {
 *     protected ModelProvider provider() { return new MyModelProvider(); }
 *     protected Hyperparameters trainingSettings() {
 *         return provider().descriptor().defaults().with(MyModelProvider.EPOCHS, 1);
 *     }
 * }
 * }</pre>
 *
 * It trains once (plus once more for determinism) on {@link #trainingData()}, then checks: ServiceLoader
 * registration, output shapes, probabilities in [0, 1] summing to 1, learning beyond chance, determinism
 * for a fixed seed, identical predictions after a bundle save/load round trip, rejection of a bundle from
 * another provider, concurrent prediction from eight threads equal to sequential results, clear errors for
 * wrong-sized input and empty batches, training events and cancellation, and, for a classifier offering
 * {@link NetworkExportable}, that its description's softmax of the logits (evaluated by
 * {@link ReferenceNetwork}) equals its probabilities. A check for a capability the classifier does not offer
 * is reported as skipped (a JUnit assumption), never as passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClassifierContractTest {
    private static final double SUM_TOLERANCE = 1e-4;
    private static final int THREADS = 8;
    private static final double DESCRIPTION_TOLERANCE = 1e-4;
    private static final int DESCRIPTION_IMAGES = 8;

    private Classifier trained;
    private final List<TrainingEvent> events = new ArrayList<>();

    /** The provider under test, built with its public no-argument constructor or otherwise. */
    protected abstract ModelProvider provider();

    /** Settings that train quickly on {@link #trainingData()}; the default preset unless overridden. */
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults();
    }

    /** Training examples; 500 synthetic examples unless overridden. */
    protected LabeledDataset trainingData() {
        return SyntheticFashion.dataset(500, 1L);
    }

    /** Examples to predict and evaluate; 200 synthetic examples unless overridden. */
    protected LabeledDataset evaluationData() {
        return SyntheticFashion.dataset(200, 2L);
    }

    /** The accuracy on {@link #evaluationData()} the trained classifier must exceed (chance is 0.1). */
    protected double minimumAccuracy() {
        return 0.5;
    }

    /** The training seed. */
    protected long seed() {
        return 20261122L;
    }

    @BeforeAll
    void trainOnce() {
        trained = train(seed(), new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                events.add(event);
            }
        });
    }

    @AfterAll
    void closeTrained() {
        if (trained != null) {
            trained.close();
        }
    }

    private Classifier train(long seed, TrainingListener listener) {
        ModelProvider provider = provider();
        return provider.trainer(trainingSettings())
                .fit(new TrainingRequest(trainingData(), LabeledDataset.empty(), seed, listener));
    }

    @Test
    void providerIsRegisteredThroughServiceLoader() {
        ModelProvider provider = provider();
        boolean found = ServiceLoader.load(ModelProvider.class).stream()
                .anyMatch(p -> p.type().equals(provider.getClass()) && p.get().id().equals(provider.id()));
        assertTrue(found, provider.getClass().getName() + " is not listed in META-INF/services/"
                + ModelProvider.class.getName() + " with id '" + provider.id() + "'");
    }

    @Test
    void descriptorIsTrainableAndNamesItsDefaults() {
        ModelDescriptor d = provider().descriptor();
        assertTrue(d.trainable(), "the contract trains the model; descriptor says it is not trainable");
        assertFalse(d.displayName().isBlank(), "display name is blank");
        assertFalse(d.description().isBlank(), "description is blank");
        assertEquals(d.defaults().declared().size(), d.hyperparameters().size());
    }

    @Test
    void classifierNamesItsProvider() {
        assertEquals(provider().id(), trained.info().providerId());
        assertEquals(provider().descriptor().version(), trained.info().providerVersion());
    }

    @Test
    void predictsOneRowOfTenProbabilitiesPerImage() {
        ImageBatch images = evaluationData().images();
        float[][] p = trained.predictProbabilities(images);
        assertEquals(images.size(), p.length, "one row per image");
        for (float[] row : p) {
            assertEquals(FashionClass.COUNT, row.length, "ten probabilities per row");
        }
    }

    @Test
    void probabilitiesLieInUnitIntervalAndSumToOne() {
        float[][] p = trained.predictProbabilities(evaluationData().images());
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (float v : p[i]) {
                assertTrue(v >= 0f && v <= 1f, "row " + i + " has probability " + v + " outside [0, 1]");
                sum += v;
            }
            assertEquals(1.0, sum, SUM_TOLERANCE, "row " + i + " sums to " + sum);
        }
    }

    @Test
    void singleImagePredictionEqualsItsBatchRow() {
        ImageBatch images = evaluationData().images().slice(0, 10);
        float[][] batch = trained.predictProbabilities(images);
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(batch[i], trained.predict(images.get(i)).probabilities(), 1e-5f, "image " + i);
        }
    }

    @Test
    void learnsBeyondChance() {
        double accuracy = Evaluation.of(trained, evaluationData()).accuracy();
        assertTrue(accuracy > minimumAccuracy(), "accuracy " + accuracy + " is not above " + minimumAccuracy());
    }

    @Test
    void sameSeedGivesSamePredictions() {
        try (Classifier again = train(seed(), TrainingListener.NONE)) {
            ImageBatch images = evaluationData().images();
            assertPredictionsEqual(trained.predictProbabilities(images), again.predictProbabilities(images),
                    "two trainings with seed " + seed());
        }
    }

    @Test
    void bundleRoundTripGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model" + ModelBundle.EXTENSION);
        ModelBundle.save(file, trained);
        ModelBundle bundle = ModelBundle.read(file);
        assertEquals(provider().id(), bundle.manifest().providerId());
        try (Classifier loaded = provider().load(bundle)) {
            ImageBatch images = evaluationData().images();
            assertPredictionsEqual(trained.predictProbabilities(images), loaded.predictProbabilities(images),
                    "predictions before and after save/load");
        }
    }

    @Test
    void bundleOfAnotherProviderIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("foreign" + ModelBundle.EXTENSION);
        ModelBundle.save(file, new ForeignClassifier());
        ModelBundle foreign = ModelBundle.read(file);
        assertThrows(IncompatibleModelException.class, () -> provider().load(foreign).close(),
                "loading a bundle written by provider '" + ForeignClassifier.ID + "' must fail");
    }

    @Test
    void concurrentPredictionEqualsSequential() throws Exception {
        ImageBatch images = evaluationData().images();
        int perThread = Math.max(1, images.size() / THREADS);
        List<float[][]> sequential = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            sequential.add(trained.predictProbabilities(slice(images, t, perThread)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<float[][]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ImageBatch mine = slice(images, t, perThread);
                Callable<List<float[][]>> job = () -> {
                    start.await();
                    List<float[][]> rounds = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        rounds.add(trained.predictProbabilities(mine));
                    }
                    return rounds;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                for (float[][] round : futures.get(t).get()) {
                    assertPredictionsEqual(sequential.get(t), round, "thread " + t + " against sequential prediction");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ImageBatch slice(ImageBatch images, int thread, int perThread) {
        int from = (thread * perThread) % images.size();
        return images.slice(from, Math.min(images.size(), from + perThread));
    }

    @Test
    void wrongSizedInputIsRejected() {
        assertThrows(InvalidInputException.class, () -> trained.predictNormalized(new float[783]));
        assertThrows(InvalidInputException.class, () -> trained.predictNormalized(new float[784 + 1]));
    }

    @Test
    void emptyBatchIsRejected() {
        assertThrows(InvalidInputException.class, () -> trained.predictProbabilities(ImageBatch.empty()));
        assertThrows(InvalidInputException.class, () -> trained.predictNormalized(new float[0]));
    }

    @Test
    void trainingReportsStartAndFinish() {
        assertFalse(events.isEmpty(), "no training events");
        assertTrue(events.get(0) instanceof TrainingEvent.Started, "first event is " + events.get(0));
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Finished,
                "last event is " + events.get(events.size() - 1));
    }

    @Test
    void cancelledTrainingStops() {
        TrainingListener cancelled = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> train(seed(), cancelled).close());
    }

    @Test
    void networkDescriptionPredictsTheClassifiersProbabilities() {
        Optional<NetworkExportable> exportable = trained.unwrap(NetworkExportable.class);
        assumeTrue(exportable.isPresent(), () -> trained.getClass().getName()
                + " does not offer NetworkExportable: no network description to check");
        ReferenceNetwork reference = ReferenceNetwork.of(exportable.get().describeNetwork());
        ImageBatch images = SyntheticFashion.dataset(DESCRIPTION_IMAGES, 3L).images();
        float[][] predicted = trained.predictProbabilities(images);
        double[][] described = reference.probabilities(images.toNormalizedNchw());
        double worst = -1;
        String where = "";
        for (int i = 0; i < described.length; i++) {
            for (int c = 0; c < FashionClass.COUNT; c++) {
                double difference = Math.abs(described[i][c] - predicted[i][c]);
                if (difference > worst) {
                    worst = difference;
                    where = "image " + i + ", class " + FashionClass.values()[c] + ": the description gives "
                            + described[i][c] + ", the classifier " + predicted[i][c];
                }
            }
        }
        assertTrue(worst <= DESCRIPTION_TOLERANCE, "the NetworkExportable description '" + reference.description().name()
                + "' does not compute the classifier's probabilities: softmax(logits) differs by up to " + worst
                + " (tolerance " + DESCRIPTION_TOLERANCE + ") at " + where);
    }

    private static void assertPredictionsEqual(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": row count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], what + ": row " + i);
        }
    }
}
