package io.github.fmnist.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The contract every explainer plugin must honour. Extend it in your plugin's tests and supply the provider; by
 * default it explains the testkit's nearest-centroid fixture trained on {@link SyntheticFashion} data, so a
 * model-agnostic explainer needs nothing else:
 *
 * <pre>{@code
 * class MyExplainerContractTest extends ExplainerContractTest {
 *     protected ExplainerProvider provider() { return new MyExplainerProvider(); }
 * }
 * }</pre>
 *
 * An explainer that needs a capability (say, convolution gradients) overrides {@link #classifier()} with a
 * classifier that offers it. The checks: ServiceLoader registration; a complete descriptor; support for the
 * classifier under test; a model-agnostic explainer supports a classifier without capabilities, and one that needs a
 * capability refuses it in {@code supports} and with {@link UnsupportedFeatureException} in {@code create}; maps of
 * 28×28 finite values in [0, 1] naming the method and target, with the classifier's own target probability; at
 * least one map that highlights something; {@code explainPredicted} explains the predicted class; the same input
 * gives the same map, also from a second explainer; eight threads give the sequential results; {@code explainAll}
 * equals one-by-one explanations and rejects mismatched counts; options not built from the descriptor are refused with
 * a typed error. Checks that do not apply to the explainer (for example the refusal check for a model-agnostic one)
 * are reported as skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExplainerContractTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 2;
    private static final double PROBABILITY_TOLERANCE = 1e-5;

    private Classifier classifier;
    private Explainer explainer;
    private ImageBatch images;

    /** The explainer plugin under test. */
    protected abstract ExplainerProvider provider();

    /**
     * The classifier to explain; called once, closed after the last check. The default is the testkit's
     * {@link NearestCentroidProvider} fixture trained on 500 {@link SyntheticFashion} examples (it offers
     * {@code NetworkExportable} and nothing else). Override it for an explainer that needs another capability.
     */
    protected Classifier classifier() {
        return NearestCentroidProvider.train(SyntheticFashion.dataset(500, 1L));
    }

    /**
     * A classifier that offers no capability at all, to check that an explainer which is not model-agnostic refuses
     * it and that a model-agnostic one explains it. The default is the nearest-centroid fixture without its network
     * description, trained like {@link #classifier()}'s default.
     */
    protected Classifier classifierWithoutCapabilities() {
        NearestCentroidProvider bare = new NearestCentroidProvider(
                NearestCentroidVariant.named("testkit-centroid-bare").withoutNetworkDescription());
        return bare.trainer(bare.descriptor().defaults()).fit(TrainingRequest.of(SyntheticFashion.dataset(500, 1L), 0L));
    }

    /** The options to create explainers with; the descriptor's defaults unless overridden. */
    protected Hyperparameters options() {
        return provider().descriptor().defaults();
    }

    /** How many images the checks explain; 8 unless overridden (lower it for a slow explainer). */
    protected int imageCount() {
        return 8;
    }

    /** The images to explain; {@link #imageCount()} {@link SyntheticFashion} images unless overridden. */
    protected ImageBatch images() {
        return SyntheticFashion.dataset(imageCount(), 3L).images();
    }

    @BeforeAll
    void createExplainer() {
        classifier = classifier();
        images = images();
        try {
            explainer = provider().create(classifier, options());
        } catch (RuntimeException e) {
            throw new AssertionError(provider().id() + ": create(classifier(), options()) failed for " + classifier
                    + "; if the explainer needs a capability, override classifier() with a classifier that offers it", e);
        }
    }

    @AfterAll
    void closeClassifier() {
        if (classifier != null) {
            classifier.close();
        }
    }

    @Test
    void providerIsRegisteredThroughServiceLoader() {
        ExplainerProvider provider = provider();
        boolean found = ServiceLoader.load(ExplainerProvider.class).stream()
                .anyMatch(p -> p.type().equals(provider.getClass()) && p.get().id().equals(provider.id()));
        assertTrue(found, provider.getClass().getName() + " is not listed in META-INF/services/"
                + ExplainerProvider.class.getName() + " with id '" + provider.id() + "'");
    }

    @Test
    void descriptorIsComplete() {
        ExplainerDescriptor d = provider().descriptor();
        assertTrue(d.id().matches("[a-z0-9][a-z0-9+._-]*"),
                "id '" + d.id() + "' must be lower-case letters, digits, '+', '.', '_' or '-'");
        assertEquals(d.id(), provider().id());
        assertFalse(d.displayName().isBlank(), "display name is blank");
        assertFalse(d.version().isBlank(), "version is blank");
        assertFalse(d.description().isBlank(), "description is blank");
    }

    @Test
    void supportsTheClassifierUnderTest() {
        assertTrue(provider().supports(classifier), provider().id() + " does not support " + classifier
                + "; override classifier() with one that offers the capability the explainer needs");
    }

    @Test
    void aModelAgnosticExplainerExplainsAClassifierWithoutCapabilities() {
        assumeTrue(provider().descriptor().modelAgnostic(), "the descriptor says the explainer needs a capability");
        try (Classifier bare = classifierWithoutCapabilities()) {
            assertTrue(provider().supports(bare), "a model-agnostic explainer must support " + bare);
            Explanation e = provider().create(bare, options()).explainPredicted(images.get(0));
            assertValidMap(e, "explanation of a classifier without capabilities");
        }
    }

    @Test
    void anExplainerThatNeedsACapabilityRefusesAClassifierWithoutIt() {
        assumeFalse(provider().descriptor().modelAgnostic(), "the descriptor says the explainer is model-agnostic");
        try (Classifier bare = classifierWithoutCapabilities()) {
            assertFalse(provider().supports(bare), provider().id() + " is not model-agnostic but says it supports " + bare
                    + ", which offers no capability");
            assertThrows(UnsupportedFeatureException.class, () -> provider().create(bare, options()),
                    "create() for an unsupported classifier must throw UnsupportedFeatureException");
        }
    }

    @Test
    void mapsAre28By28FiniteValuesInTheUnitIntervalForTheRequestedTarget() {
        for (int i = 0; i < images.size(); i++) {
            for (FashionClass target : targetsFor(i)) {
                Explanation e = explainer.explain(images.get(i), target);
                String what = "image " + i + ", target " + target;
                assertValidMap(e, what);
                assertSame(target, e.target(), what + ": explained another class");
            }
        }
    }

    @Test
    void targetProbabilityIsTheClassifiersProbability() {
        for (int i = 0; i < images.size(); i++) {
            float[] p = classifier.predict(images.get(i)).probabilities();
            for (FashionClass target : targetsFor(i)) {
                Explanation e = explainer.explain(images.get(i), target);
                assertEquals(p[target.label()], e.targetProbability(), PROBABILITY_TOLERANCE,
                        "image " + i + ", target " + target + ": the classifier's probability");
            }
        }
    }

    @Test
    void someMapHighlightsSomething() {
        for (int i = 0; i < images.size(); i++) {
            for (float v : explainer.explainPredicted(images.get(i)).relevance()) {
                if (v > 0f) {
                    return;
                }
            }
        }
        fail("every map of the " + images.size() + " images' predicted classes is all zeros");
    }

    @Test
    void explainPredictedExplainsThePredictedClass() {
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            Explanation predicted = explainer.explainPredicted(image);
            FashionClass expected = classifier.classify(image);
            assertSame(expected, predicted.target(), "image " + i + ": explainPredicted explained another class");
            assertEquals(explainer.explain(image, expected), predicted,
                    "image " + i + ": explainPredicted differs from explain(image, " + expected + ")");
        }
    }

    @Test
    void sameInputGivesTheSameMapAlsoFromASecondExplainer() {
        Explainer second = provider().create(classifier, options());
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            Explanation first = explainer.explainPredicted(image);
            assertEquals(first, explainer.explainPredicted(image), "image " + i + ": explained twice by one explainer");
            assertEquals(first, second.explainPredicted(image), "image " + i + ": explained by two explainers");
        }
    }

    @Test
    void concurrentExplanationsEqualSequential() throws Exception {
        List<Explanation> sequential = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            sequential.add(explainer.explainPredicted(images.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Explanation>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                Callable<List<Explanation>> job = () -> {
                    start.await();
                    List<Explanation> mine = new ArrayList<>();
                    for (int k = 0; k < ROUNDS * images.size(); k++) {
                        mine.add(explainer.explainPredicted(images.get((first + k) % images.size())));
                    }
                    return mine;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<Explanation> mine = futures.get(t).get();
                for (int k = 0; k < mine.size(); k++) {
                    int image = (t + k) % images.size();
                    assertEquals(sequential.get(image), mine.get(k), "thread " + t + ", image " + image + " against sequential");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void explainAllEqualsOneByOne() {
        List<FashionClass> targets = new ArrayList<>();
        List<Explanation> oneByOne = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            FashionClass target = FashionClass.of((i * 3) % FashionClass.COUNT);
            targets.add(target);
            oneByOne.add(explainer.explain(images.get(i), target));
        }
        assertEquals(oneByOne, explainer.explainAll(images, targets));
    }

    @Test
    void explainAllRejectsMismatchedCounts() {
        List<FashionClass> tooFew = new ArrayList<>();
        for (int i = 0; i < images.size() - 1; i++) {
            tooFew.add(FashionClass.of(i % FashionClass.COUNT));
        }
        assertThrows(InvalidInputException.class, () -> explainer.explainAll(images, tooFew),
                images.size() + " images with " + tooFew.size() + " targets");
        List<FashionClass> tooMany = new ArrayList<>(tooFew);
        tooMany.add(FashionClass.values()[0]);
        tooMany.add(FashionClass.values()[1]);
        assertThrows(InvalidInputException.class, () -> explainer.explainAll(images, tooMany),
                images.size() + " images with " + tooMany.size() + " targets");
    }

    @Test
    void optionsNotBuiltFromTheDescriptorAreRefused() {
        assumeFalse(provider().descriptor().defaults().declared().isEmpty(), "the explainer has no options");
        Hyperparameters foreign = Hyperparameters.defaults(List.of());
        try {
            provider().create(classifier, foreign).explainPredicted(images.get(0));
        } catch (FmnistException expected) {
            return;
        } catch (RuntimeException e) {
            fail("options without the declared " + provider().descriptor().defaults().asText().keySet()
                    + " must be refused with an FmnistException, found " + e, e);
        }
        fail("options without the declared " + provider().descriptor().defaults().asText().keySet()
                + " were accepted: create() and explainPredicted() must refuse them");
    }

    /** The predicted class and the class after it, so that every map is checked for two targets. */
    private List<FashionClass> targetsFor(int image) {
        int predicted = Prediction.argmax(classifier.predict(images.get(image)).probabilities());
        return List.of(FashionClass.of(predicted), FashionClass.of((predicted + 1) % FashionClass.COUNT));
    }

    private void assertValidMap(Explanation e, String what) {
        assertEquals(provider().id(), e.method(), what + ": method");
        float[] relevance = e.relevance();
        assertEquals(Image.PIXELS, relevance.length, what + ": a 28×28 map");
        for (int p = 0; p < relevance.length; p++) {
            float v = relevance[p];
            assertTrue(Float.isFinite(v) && v >= 0f && v <= 1f,
                    what + ": relevance " + v + " at (" + p / Image.SIDE + ", " + p % Image.SIDE + ") is not in [0, 1]");
        }
        assertTrue(Float.isFinite(e.targetProbability()) && e.targetProbability() >= 0f && e.targetProbability() <= 1f,
                what + ": target probability " + e.targetProbability());
    }
}
