package io.github.fmnist.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fmnist.api.model.ModelProvider;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierContractTestTest {

    /** The toy plugin honours the contract; run directly by JUnit as a nested test class. */
    @Nested
    class NearestCentroidContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new NearestCentroidProvider();
        }
    }

    /** Run only through the engine test kit below, never on its own. */
    static class BrokenContract extends ClassifierContractTest {
        @Override
        protected ModelProvider provider() {
            return new BrokenProvider();
        }
    }

    @Test
    void theBrokenPluginFailsTheChecksItViolates() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenContract.class))
                .execute();
        Set<String> failed = results.testEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName().replace("()", "").replaceAll("\\(.*\\)", ""))
                .collect(Collectors.toSet());
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
    }

    @Test
    void theToyPluginPassesEveryCheck() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NearestCentroidContract.class))
                .execute();
        assertEquals(0, results.testEvents().failed().count(),
                () -> "failures: " + results.testEvents().failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()).toList());
        assertTrue(results.testEvents().succeeded().count() >= 14, "every contract check ran");
    }
}
