package io.github.fmnist.zoo;

import io.github.fmnist.api.PluginConfigurationException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects the entries of every {@link ZooProvider}: each provider in its own try, duplicates reported with both jars. */
final class ZooDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ZooDiscovery.class);

    private ZooDiscovery() {
    }

    record Found(Map<String, ZooEntry> entries, List<String> problems) {
    }

    static Found discover(ClassLoader loader) {
        Map<String, ZooEntry> entries = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        var iterator = ServiceLoader.load(ZooProvider.class, loader).iterator();
        while (true) {
            ZooProvider provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError e) {
                problems.add("zoo provider skipped: " + e.getMessage());
                LOG.warn("zoo provider skipped: {}", e.getMessage());
                continue;
            }
            List<ZooEntry> offered;
            try {
                offered = provider.entries();
            } catch (RuntimeException e) {
                String problem = "zoo provider " + provider.getClass().getName() + " from " + location(provider)
                        + " skipped: " + e.getMessage();
                problems.add(problem);
                LOG.warn(problem);
                continue;
            }
            for (ZooEntry entry : offered) {
                String where = provider.getClass().getName() + " from " + location(provider);
                String earlier = origins.putIfAbsent(entry.id(), where);
                if (earlier != null) {
                    throw new PluginConfigurationException("two zoo entries have the id '" + entry.id() + "': " + earlier
                            + " and " + where + "; remove one of the jars from the class path");
                }
                entries.put(entry.id(), entry);
            }
        }
        return new Found(entries, List.copyOf(problems));
    }

    private static String location(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : source.getLocation().toString();
    }
}
