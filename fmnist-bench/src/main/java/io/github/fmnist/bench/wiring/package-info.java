/**
 * The Guice composition root of the app: plugins, data source, report writers and terminal.
 */
package io.github.fmnist.bench.wiring;
