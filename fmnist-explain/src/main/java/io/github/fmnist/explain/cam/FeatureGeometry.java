package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a feature map's cells sit on the 28×28 input: the centre of cell {@code (j, k)}'s receptive field
 * is at row {@code startY + j·jumpY}, column {@code startX + k·jumpX}, in pixel-index coordinates (pixel
 * {@code i}'s centre is {@code i}). Upsampling samples the map at {@code (i − start) / jump}, clamped.
 *
 * @param uniform whether the geometry was assumed (the cells tile the input evenly) rather than derived
 *                from the network's layers
 */
record FeatureGeometry(double startY, double jumpY, int height, double startX, double jumpX, int width, boolean uniform) {

    /** Cells tiling the input evenly, centres aligned: what a padded ("same") network gives. */
    static FeatureGeometry uniform(int height, int width) {
        double jumpY = (double) Image.SIDE / height;
        double jumpX = (double) Image.SIDE / width;
        return new FeatureGeometry((jumpY - 1) / 2, jumpY, height, (jumpX - 1) / 2, jumpX, width, true);
    }

    /** Feature-map row coordinate sampled by input row {@code row}. */
    double sourceY(int row) {
        return Math.max(0, Math.min(height - 1, (row - startY) / jumpY));
    }

    /** Feature-map column coordinate sampled by input column {@code column}. */
    double sourceX(int column) {
        return Math.max(0, Math.min(width - 1, (column - startX) / jumpX));
    }

    /**
     * The receptive-field geometry of node {@code layer} derived from the network's convolutions and
     * poolings (unpadded convolutions shrink the map towards the centre, which even tiling would misplace);
     * empty if there is no such node or the path to it holds a non-spatial layer.
     */
    static Optional<FeatureGeometry> of(NetworkDescription network, String layer) {
        Map<String, NetworkNode> byName = new HashMap<>();
        network.nodes().forEach(n -> byName.put(n.name(), n));
        if (!byName.containsKey(layer)) {
            return Optional.empty();
        }
        try {
            return Optional.of(walk(byName, layer, new HashMap<>()));
        } catch (NotSpatial e) {
            return Optional.empty();
        }
    }

    private static FeatureGeometry walk(Map<String, NetworkNode> nodes, String name, Map<String, FeatureGeometry> memo) {
        if (name.equals(NetworkDescription.INPUT)) {
            return new FeatureGeometry(0, 1, Image.SIDE, 0, 1, Image.SIDE, false);
        }
        FeatureGeometry known = memo.get(name);
        if (known != null) {
            return known;
        }
        NetworkNode node = nodes.get(name);
        FeatureGeometry in = walk(nodes, node.inputs().get(0), memo);
        FeatureGeometry out = switch (node.layer()) {
            case Layer.Convolution c -> in.window(c.kernelHeight(), c.kernelWidth(), c.strideHeight(), c.strideWidth(), c.padding());
            case Layer.MaxPool p -> in.window(p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding());
            case Layer.AveragePool p -> in.window(p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding());
            case Layer.GlobalAveragePool g -> throw new NotSpatial();
            case Layer.Flatten f -> throw new NotSpatial();
            case Layer.Dense d -> throw new NotSpatial();
            // a mirrored map runs right to left, which start and jump cannot say; a vote is not a map
            case Layer.FlipHorizontal f -> throw new NotSpatial();
            case Layer.ProbabilityAverage p -> throw new NotSpatial();
            default -> in; // element-wise: batch norm, activation, dropout, standardisation, residual addition
        };
        memo.put(name, out);
        return out;
    }

    private FeatureGeometry window(int kernelH, int kernelW, int strideH, int strideW, Layer.Padding padding) {
        return new FeatureGeometry(
                startY + ((kernelH - 1) / 2.0 - padding.top()) * jumpY, jumpY * strideH,
                (height + padding.top() + padding.bottom() - kernelH) / strideH + 1,
                startX + ((kernelW - 1) / 2.0 - padding.left()) * jumpX, jumpX * strideW,
                (width + padding.left() + padding.right() - kernelW) / strideW + 1, false);
    }

    private static final class NotSpatial extends FmnistException {
        private static final long serialVersionUID = 1L;

        NotSpatial() {
            super("not a spatial layer");
        }
    }
}
