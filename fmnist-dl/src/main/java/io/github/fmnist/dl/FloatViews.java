package io.github.fmnist.dl;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Float arrays of ND4J read and written from Java without a copy per element. */
final class FloatViews {
    private FloatViews() {
    }

    /** {@code array} itself if its values lie in C order with default strides, else a C-order copy. */
    static INDArray contiguous(INDArray array) {
        return Shape.hasDefaultStridesForShape(array) && array.ordering() == 'c' ? array : array.dup('c');
    }

    /** The whole buffer of a float array; its values start at {@code contiguous.offset()}. */
    static FloatBuffer floats(INDArray contiguous) {
        return contiguous.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
