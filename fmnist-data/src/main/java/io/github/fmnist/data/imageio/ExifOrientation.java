package io.github.fmnist.data.imageio;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The EXIF orientation of a JPEG (1..8: how the stored pixels must be turned or mirrored to stand upright, as phone
 * cameras record it), and applying it. TwelveMonkeys reads the APP1 segment and its TIFF directory.
 */
final class ExifOrientation {
    /** Stored as it should be shown. */
    static final int UPRIGHT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /**
     * The orientation recorded in the JPEG read from {@code in} (from its current position), or {@link #UPRIGHT}
     * when there is none or it cannot be read: a broken EXIF block should not make a decodable picture unreadable.
     */
    static int read(ImageInputStream in, String source) {
        try {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            try (InputStream data = exif.get(0).data()) {
                if (data.read() < 0) { // the pad byte after "Exif\0"
                    return UPRIGHT;
                }
                try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1
                            && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: EXIF block unreadable, taking the picture as upright: {}", source, e.toString());
        }
        return UPRIGHT;
    }

    /** {@code picture} turned and mirrored as EXIF {@code orientation} says. */
    static ColourPicture apply(ColourPicture picture, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return picture;
        }
        int w = picture.width();
        int h = picture.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int source = switch (orientation) {
                    case 2 -> y * w + (w - 1 - x);
                    case 3 -> (h - 1 - y) * w + (w - 1 - x);
                    case 4 -> (h - 1 - y) * w + x;
                    case 5 -> x * w + y;
                    case 6 -> (h - 1 - x) * w + y;
                    case 7 -> (h - 1 - x) * w + (w - 1 - y);
                    default -> x * w + (w - 1 - y);
                };
                int i = y * outW + x;
                r[i] = picture.red(source);
                g[i] = picture.green(source);
                b[i] = picture.blue(source);
            }
        }
        return new ColourPicture(outW, outH, r, g, b);
    }
}
