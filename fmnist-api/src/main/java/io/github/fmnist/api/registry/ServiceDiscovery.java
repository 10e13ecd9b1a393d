package io.github.fmnist.api.registry;

import io.github.fmnist.api.PluginConfigurationException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the providers of one service type. Each provider is instantiated and asked for its id inside its
 * own try, so a broken plugin is logged and skipped without hiding the others.
 */
final class ServiceDiscovery<P> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDiscovery.class);
    private static final int MAX_PROVIDERS = 10_000;

    private final Map<String, P> byId;
    private final List<String> problems;

    private ServiceDiscovery(Map<String, P> byId, List<String> problems) {
        this.byId = byId;
        this.problems = problems;
    }

    /**
     * @param kind        "model" or "explainer", for messages
     * @param restriction ids to keep (from a system property), or {@code null} for all
     */
    static <P> ServiceDiscovery<P> discover(Class<P> service, ClassLoader loader, Function<P, String> idOf,
                                            String kind, String restriction) {
        List<String> problems = new ArrayList<>();
        Map<String, List<P>> found = new LinkedHashMap<>();
        Iterator<P> it = ServiceLoader.load(service, loader).iterator();
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            P provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                String message = "skipping a broken " + kind + " plugin: " + describe(e);
                LOG.warn(message, e);
                problems.add(message);
                continue;
            }
            String id;
            try {
                id = idOf.apply(provider);
            } catch (RuntimeException | LinkageError e) {
                String message = "skipping " + kind + " plugin " + provider.getClass().getName() + " from "
                        + location(provider) + ": its descriptor failed: " + describe(e);
                LOG.warn(message, e);
                problems.add(message);
                continue;
            }
            found.computeIfAbsent(id, k -> new ArrayList<>()).add(provider);
        }
        Map<String, List<P>> kept = restrict(found, restriction, kind, problems);
        Map<String, P> byId = new LinkedHashMap<>();
        for (Map.Entry<String, List<P>> e : kept.entrySet()) {
            List<P> providers = e.getValue();
            if (providers.size() > 1) {
                StringBuilder where = new StringBuilder();
                for (P p : providers) {
                    where.append("\n  ").append(p.getClass().getName()).append(" from ").append(location(p));
                }
                throw new PluginConfigurationException("two " + kind + " plugins share the id '" + e.getKey()
                        + "'; remove one of them from the class path or restrict with -D"
                        + PluginRegistry.propertyFor(kind) + ":" + where);
            }
            byId.put(e.getKey(), providers.get(0));
        }
        LOG.debug("{} plugins found: {}", kind, byId.keySet());
        return new ServiceDiscovery<>(Collections.unmodifiableMap(byId), List.copyOf(problems));
    }

    private static <P> Map<String, List<P>> restrict(Map<String, List<P>> found, String restriction, String kind,
                                                     List<String> problems) {
        if (restriction == null || restriction.isBlank()) {
            return found;
        }
        Set<String> wanted = new LinkedHashSet<>();
        Arrays.stream(restriction.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        Map<String, List<P>> kept = new LinkedHashMap<>();
        for (String id : wanted) {
            List<P> providers = found.get(id);
            if (providers == null) {
                String message = "-D" + PluginRegistry.propertyFor(kind) + " asks for " + kind + " '" + id
                        + "', which is not on the class path; found: " + found.keySet();
                LOG.warn(message);
                problems.add(message);
            } else {
                kept.put(id, providers);
            }
        }
        return kept;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (caused by " + root + ")";
    }

    static String location(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : source.getLocation().toString();
    }

    List<P> all() {
        return List.copyOf(byId.values());
    }

    P get(String id) {
        return byId.get(id);
    }

    Set<String> ids() {
        return byId.keySet();
    }

    List<String> problems() {
        return problems;
    }
}
