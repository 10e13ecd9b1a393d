package io.github.fmnist.testkit.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.testkit.ExplainerContractTest;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class ExplainerContractTestTest {
    private static final String NEEDS_CAPABILITY = "anExplainerThatNeedsACapabilityRefusesAClassifierWithoutIt";
    private static final String MODEL_AGNOSTIC = "aModelAgnosticExplainerExplainsAClassifierWithoutCapabilities";
    private static final String OPTIONS = "optionsNotBuiltFromTheDescriptorAreRefused";

    /** A model-agnostic explainer with an option, on the default classifier; run directly by JUnit. */
    @Nested
    class BlockDeletionContract extends ExplainerContractTest {
        @Override
        protected ExplainerProvider provider() {
            return new BlockDeletionProvider();
        }
    }

    /** An explainer that needs NetworkExportable, which the default classifier offers; run directly by JUnit. */
    @Nested
    class DenseWeightsContract extends ExplainerContractTest {
        @Override
        protected ExplainerProvider provider() {
            return new DenseWeightsProvider();
        }
    }

    /** Run only through the engine test kit below, never on its own. */
    static class BrokenContract extends ExplainerContractTest {
        @Override
        protected ExplainerProvider provider() {
            return new BrokenExplainerProvider();
        }
    }

    /** Run only through the engine test kit below, never on its own. */
    static class BlankContract extends ExplainerContractTest {
        @Override
        protected ExplainerProvider provider() {
            return new BlankExplainerProvider();
        }
    }

    @Test
    void aModelAgnosticExplainerPassesEveryCheckButTheRefusalWhichIsSkipped() {
        EngineExecutionResults results = run(BlockDeletionContract.class);
        assertEquals(Set.of(), names(results.testEvents().failed()));
        assertEquals(Set.of(NEEDS_CAPABILITY), names(results.testEvents().aborted()));
        assertEquals(checks().size() - 1, results.testEvents().succeeded().count());
    }

    @Test
    void anExplainerThatNeedsACapabilityWithoutOptionsSkipsTheChecksThatDoNotApply() {
        EngineExecutionResults results = run(DenseWeightsContract.class);
        assertEquals(Set.of(), names(results.testEvents().failed()));
        assertEquals(Set.of(MODEL_AGNOSTIC, OPTIONS), names(results.testEvents().aborted()));
        assertEquals(checks().size() - 2, results.testEvents().succeeded().count());
    }

    @Test
    void theBrokenExplainerFailsTheChecksItViolates() {
        EngineExecutionResults results = run(BrokenContract.class);
        Set<String> expected = new HashSet<>(checks());
        expected.removeAll(Set.of("supportsTheClassifierUnderTest", "someMapHighlightsSomething", MODEL_AGNOSTIC));
        assertEquals(expected, names(results.testEvents().failed()));
        assertEquals(Set.of(MODEL_AGNOSTIC), names(results.testEvents().aborted()));
    }

    @Test
    void theBlankExplainerFailsSupportAndHighlighting() {
        EngineExecutionResults results = run(BlankContract.class);
        assertEquals(Set.of("providerIsRegisteredThroughServiceLoader", "supportsTheClassifierUnderTest",
                "someMapHighlightsSomething", MODEL_AGNOSTIC), names(results.testEvents().failed()));
        assertEquals(Set.of(NEEDS_CAPABILITY, OPTIONS), names(results.testEvents().aborted()));
    }

    @Test
    void theBlockExplainerRefusesABlockThatDoesNotDivideTheImage() {
        BlockDeletionProvider provider = new BlockDeletionProvider();
        assertThrows(InvalidInputException.class, () -> provider.create(
                NearestCentroidProvider.train(SyntheticFashion.dataset(50, 1L)),
                provider.descriptor().defaults().with(BlockDeletionProvider.BLOCK, 5)));
    }

    private static Set<String> checks() {
        return Arrays.stream(ExplainerContractTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).map(m -> m.getName()).collect(Collectors.toSet());
    }

    private static EngineExecutionResults run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute();
    }

    private static Set<String> names(Events events) {
        return events.stream().map(ExplainerContractTestTest::name).collect(Collectors.toSet());
    }

    private static String name(Event e) {
        return e.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)", "");
    }
}
