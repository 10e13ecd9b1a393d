package io.github.fmnist.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.data.idx.IdxImageReader;
import io.github.fmnist.data.idx.IdxLabelReader;
import java.io.ByteArrayInputStream;
import java.util.List;

/** The IDX readers, fed seeds (valid IDX files) mutated by the fuzzer. */
class IdxFuzzTest {
    private static final List<byte[]> IMAGES = Seeds.idxImages();
    private static final List<byte[]> LABELS = Seeds.idxLabels();

    @FuzzTest
    void images(FuzzedDataProvider data) throws Exception {
        byte[] input = Mutation.apply(IMAGES.get(data.consumeInt(0, IMAGES.size() - 1)), data);
        Invariant.holds(() -> {
            ImageBatch batch = IdxImageReader.read(new ByteArrayInputStream(input), "fuzzed-images.idx");
            Invariant.check(batch.size() >= 0 && (long) batch.size() * Image.PIXELS <= input.length,
                    batch.size() + " images from " + input.length + " bytes");
        });
    }

    @FuzzTest
    void labels(FuzzedDataProvider data) throws Exception {
        byte[] input = Mutation.apply(LABELS.getFirst(), data);
        Invariant.holds(() -> {
            int[] labels = IdxLabelReader.read(new ByteArrayInputStream(input), "fuzzed-labels.idx");
            for (int label : labels) {
                Invariant.check(label >= 0 && label < FashionClass.values().length, "label " + label);
            }
        });
    }
}
