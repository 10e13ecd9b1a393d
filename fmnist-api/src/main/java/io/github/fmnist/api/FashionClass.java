package io.github.fmnist.api;

import java.util.List;

/**
 * The ten Fashion-MNIST classes, in label order (the ordinal is the label stored in the IDX files).
 *
 * <pre>{@code
 * FashionClass c = FashionClass.of(9);   // ANKLE_BOOT
 * c.displayName();                        // "Ankle boot"
 * }</pre>
 */
public enum FashionClass {
    T_SHIRT_TOP("T-shirt/top"),
    TROUSER("Trouser"),
    PULLOVER("Pullover"),
    DRESS("Dress"),
    COAT("Coat"),
    SANDAL("Sandal"),
    SHIRT("Shirt"),
    SNEAKER("Sneaker"),
    BAG("Bag"),
    ANKLE_BOOT("Ankle boot");

    /** Number of classes. */
    public static final int COUNT = 10;

    private static final FashionClass[] BY_LABEL = values();
    private static final List<String> DISPLAY_NAMES =
            java.util.Arrays.stream(BY_LABEL).map(FashionClass::displayName).toList();

    private final String displayName;

    FashionClass(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in the seed study and in reports, e.g. {@code "T-shirt/top"}. */
    public String displayName() {
        return displayName;
    }

    /** The numeric label, 0 to 9. */
    public int label() {
        return ordinal();
    }

    /**
     * The class with the given label.
     *
     * @throws InvalidInputException if {@code label} is outside 0..9
     */
    public static FashionClass of(int label) {
        if (label < 0 || label >= COUNT) {
            throw new InvalidInputException("class label must be in 0..9, found " + label);
        }
        return BY_LABEL[label];
    }

    /** Display names in label order. */
    public static List<String> displayNames() {
        return DISPLAY_NAMES;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
