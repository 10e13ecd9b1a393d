/**
 * Class activation maps from a convolutional layer's activations and class-score gradients, obtained only
 * through the api's {@code ConvolutionGradients} capability: {@link io.github.fmnist.explain.cam.GradCam},
 * {@link io.github.fmnist.explain.cam.GradCamPlusPlus} and {@link io.github.fmnist.explain.cam.ScoreCam}.
 * Maps are computed at the layer's resolution, cut at zero, upsampled bilinearly to 28×28 with aligned
 * pixel centres and divided by their maximum.
 */
package io.github.fmnist.explain.cam;
