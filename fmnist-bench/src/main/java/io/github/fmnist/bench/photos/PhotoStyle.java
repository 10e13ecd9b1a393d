package io.github.fmnist.bench.photos;

/** The ways the photo benchmark stages a garment, from the easy product shot to a cluttered table. */
public enum PhotoStyle {
    WHITE("white", "dark garment centred on a plain white 480×480 backdrop"),
    COLOUR("colour", "garment in a random colour on an off-white 480×480 backdrop"),
    SMALL_OFF_CENTRE("small-off-centre", "colour garment a quarter of the height, off centre on a wide 960×480 canvas"),
    GRADIENT("gradient", "light two-colour gradient with vignette and a soft drop shadow, 640×480"),
    TEXTURED("textured", "fabric-like textured backdrop with grain and a soft drop shadow, 640×480"),
    CLUTTERED("cluttered", "gradient wall, table edge, two to four props with shadows, garment shadow, 640×480"),
    JPEG("jpeg", "gradient scene with shadow saved as a JPEG at quality 0.25-0.5"),
    ROTATED("rotated", "gradient scene with the garment turned 4-10 degrees either way"),
    PORTRAIT("portrait", "gradient scene on a 480×720 portrait canvas"),
    LANDSCAPE("landscape", "gradient scene on an 800×450 landscape canvas");

    private final String id;
    private final String description;

    PhotoStyle(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The style's name in reports and on the command line. */
    public String id() {
        return id;
    }

    /** What a rendition in this style looks like. */
    public String description() {
        return description;
    }
}
