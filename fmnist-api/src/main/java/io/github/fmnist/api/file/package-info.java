/** Writing files so that they appear complete or not at all ({@link io.github.fmnist.api.file.AtomicFile}). */
package io.github.fmnist.api.file;
