package io.github.fmnist.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images with their class labels. Immutable; safe to share between threads.
 *
 * <pre>{@code
 * LabeledDataset data = LabeledDataset.of(images, labels);
 * int[] perClass = data.classCounts();
 * LabeledDataset firstThousand = data.slice(0, 1000);
 * data.origin().sha256();                  // the files it was read from, if it was read
 * }</pre>
 */
public final class LabeledDataset {
    private static final LabeledDataset EMPTY = new LabeledDataset(ImageBatch.empty(), new byte[0],
            DataOrigin.unknown().describedAs("none"));

    private final ImageBatch images;
    private final byte[] labels;
    private final DataOrigin origin;

    private LabeledDataset(ImageBatch images, byte[] labels, DataOrigin origin) {
        this.images = images;
        this.labels = labels;
        this.origin = origin;
    }

    /** A dataset with no examples (for example "no validation set"). */
    public static LabeledDataset empty() {
        return EMPTY;
    }

    /**
     * @param images the images
     * @param labels one label (0..9) per image
     * @throws InvalidInputException if the counts differ or a label is out of range
     */
    public static LabeledDataset of(ImageBatch images, int[] labels) {
        Objects.requireNonNull(images, "images");
        if (images.size() != labels.length) {
            throw new InvalidInputException(images.size() + " images but " + labels.length + " labels");
        }
        byte[] compact = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            compact[i] = (byte) FashionClass.of(labels[i]).label();
        }
        return new LabeledDataset(images, compact, DataOrigin.unknown().describedAs(labels.length + " examples in memory"));
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    public boolean isEmpty() {
        return labels.length == 0;
    }

    /** The images, in example order. */
    public ImageBatch images() {
        return images;
    }

    /** The label of example {@code index}, 0..9. */
    public int label(int index) {
        return labels[index];
    }

    /** The class of example {@code index}. */
    public FashionClass fashionClass(int index) {
        return FashionClass.of(labels[index]);
    }

    /** A copy of all labels. */
    public int[] labels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /** Number of examples per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[FashionClass.COUNT];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The examples at the given indices, in that order. */
    public LabeledDataset select(int[] indices) {
        byte[] selected = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = labels[indices[i]];
        }
        return new LabeledDataset(images.select(indices), selected,
                origin.describedAs(indices.length + " selected of " + origin.description()));
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
    public LabeledDataset slice(int from, int to) {
        return new LabeledDataset(images.slice(from, to), Arrays.copyOfRange(labels, from, to),
                origin.describedAs("examples " + from + ".." + to + " of " + origin.description()));
    }

    /**
     * Where these examples came from; trainers record it in the model's provenance. Loaders and splitters set
     * it; {@link #select} and {@link #slice} keep the files and extend the description.
     */
    public DataOrigin origin() {
        return origin;
    }

    /** The same examples with {@code origin} (for loaders and splitters). */
    public LabeledDataset withOrigin(DataOrigin origin) {
        return new LabeledDataset(images, labels, Objects.requireNonNull(origin, "origin"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledDataset other && Arrays.equals(labels, other.labels) && images.equals(other.images);
    }

    @Override
    public int hashCode() {
        return 31 * images.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledDataset[" + labels.length + " examples]";
    }
}
