package io.github.fmnist.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class ClassifierContractTestTest {
    private static final String DESCRIPTION_CHECK = "networkDescriptionPredictsTheClassifiersProbabilities";

    /** The testkit's fixture honours the contract, including its network description; run directly by JUnit. */
    @Nested
    class NearestCentroidContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new NearestCentroidProvider();
        }
    }

    /** The fixture with several epochs trains to the same model and still honours the contract. */
    @Nested
    class ThreeEpochNearestCentroidContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new NearestCentroidProvider();
        }

        @Override
        protected Hyperparameters trainingSettings() {
            return provider().descriptor().defaults().with(NearestCentroidProvider.EPOCHS, 3);
        }
    }

    /** Run only through the engine test kit below, never on its own. */
    static class BrokenContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new BrokenProvider();
        }
    }

    /** Run only through the engine test kit below, never on its own. */
    static class MisdescribedContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new MisdescribedCentroidProvider();
        }
    }

    @Test
    void theBrokenPluginFailsTheChecksItViolates() {
        EngineExecutionResults results = run(BrokenContract.class);
        Set<String> failed = names(results.testEvents().failed());
        Set<String> expected = Set.of(
                "providerIsRegisteredThroughServiceLoader",
                "probabilitiesLieInUnitIntervalAndSumToOne",
                "sameSeedGivesSamePredictions",
                "bundleRoundTripGivesIdenticalPredictions",
                "bundleOfAnotherProviderIsRejected",
                "concurrentPredictionEqualsSequential",
                "wrongSizedInputIsRejected",
                "emptyBatchIsRejected",
                "trainingReportsStartAndFinish",
                "cancelledTrainingStops",
                "singleImagePredictionEqualsItsBatchRow");
        for (String name : expected) {
            assertTrue(failed.contains(name), name + " should fail for the broken plugin; failed were " + failed);
        }
        assertEquals(Set.of(DESCRIPTION_CHECK), names(results.testEvents().aborted()),
                "a classifier without NetworkExportable has nothing to describe: that check, and only it, is skipped");
        assertFalse(names(results.testEvents().succeeded()).contains(DESCRIPTION_CHECK),
                "a check that does not apply must not be reported as passed");
    }

    @Test
    void aDescriptionThatDisagreesWithTheClassifierFailsOnlyTheDescriptionCheck() {
        EngineExecutionResults results = run(MisdescribedContract.class);
        assertEquals(Set.of(DESCRIPTION_CHECK), names(results.testEvents().failed()));
        String message = results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .map(Throwable::getMessage).orElseThrow();
        assertTrue(message.contains("NetworkExportable description 'toy-misdescribed'")
                && message.contains("softmax(logits) differs by up to")
                && message.contains("image "), message);
    }

    @Test
    void theFixturePassesEveryCheck() {
        EngineExecutionResults results = run(NearestCentroidContract.class);
        assertEquals(0, results.testEvents().failed().count(),
                () -> "failures: " + results.testEvents().failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()).toList());
        long checks = Arrays.stream(ClassifierContractTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        assertEquals(checks, results.testEvents().succeeded().count(), "every contract check ran and passed");
        assertTrue(names(results.testEvents().succeeded()).contains(DESCRIPTION_CHECK));
    }

    private static EngineExecutionResults run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute();
    }

    private static Set<String> names(Events events) {
        return events.stream().map(ClassifierContractTestTest::name).collect(Collectors.toSet());
    }

    private static String name(Event e) {
        return e.getTestDescriptor().getDisplayName().replace("()", "").replaceAll("\\(.*\\)", "");
    }
}
