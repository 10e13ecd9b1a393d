/**
 * Terminal progress: a carriage-return bar on a TTY, plain lines in logs, driven by the trainers' events.
 */
package io.github.fmnist.bench.progress;
