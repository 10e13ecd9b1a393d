/**
 * Files written so that they appear complete or not at all ({@link io.github.fmnist.api.file.AtomicFile}), and
 * native libraries extracted from jars once into a per-user cache ({@link io.github.fmnist.api.file.NativeCache}).
 */
package io.github.fmnist.api.file;
