package io.github.fmnist.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * ONNX models (an exported MLP, mutated) through {@link OnnxClassifier#open(byte[], String, OnnxRuntimeOptions)}:
 * ONNX Runtime's parser, then fmnist's model contract check (input {@code image} [N,1,28,28], output
 * {@code probabilities} [N,10], symbolic batch), then one prediction if the model is accepted.
 */
class OnnxContractFuzzTest {
    private static final OnnxRuntimeOptions CPU = OnnxRuntimeOptions.defaults()
            .withProvider(OnnxRuntimeOptions.ProviderPreference.CPU);
    private static byte[] seed;

    @BeforeAll
    static void export() {
        seed = Seeds.onnxModel();
    }

    @FuzzTest
    void onnxModel(FuzzedDataProvider data) throws Exception {
        byte[] model = Mutation.apply(seed, data);
        Invariant.holds(() -> {
            try (OnnxClassifier classifier = OnnxClassifier.open(model, "fuzzed.onnx", CPU)) {
                Results.checkProbabilities(classifier);
            }
        });
    }
}
