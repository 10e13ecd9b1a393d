/**
 * Class activation maps from a convolutional layer's activations and class-score gradients, obtained only
 * through the api's {@code ConvolutionGradients} capability: {@link io.github.fmnist.explain.cam.GradCam},
 * {@link io.github.fmnist.explain.cam.GradCamPlusPlus} and {@link io.github.fmnist.explain.cam.ScoreCam}.
 * Maps are computed at the layer's resolution, cut at zero, upsampled bilinearly to 28×28 and divided by
 * their maximum. Upsampling puts each cell's value on the centre of its receptive field, derived from the
 * convolutions and poolings of the classifier's {@code NetworkExportable} description when it has one
 * (unpadded convolutions shrink a map towards the centre), otherwise assuming the cells tile the input evenly.
 */
package io.github.fmnist.explain.cam;
