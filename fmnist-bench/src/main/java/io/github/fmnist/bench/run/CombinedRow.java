package io.github.fmnist.bench.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A bench row built from models other rows of the same run trained: the ensemble and hybrid plugins load those
 * rows' saved bundles (named in {@code memberKey}), so no network is trained again for them. It trains once its
 * members have been trained, evaluated and saved, and is skipped when one of them is not in the run or failed.
 *
 * @param id          the row's id in the reports (and its bundle's file name)
 * @param providerId  the plugin that builds it
 * @param displayName the row's name in the reports
 * @param memberKey   the provider's hyperparameter that names the member bundles, comma-separated
 * @param members     the rows whose bundles it is built from, in order
 * @param settings    further hyperparameters the row fixes
 */
public record CombinedRow(String id, String providerId, String displayName, String memberKey, List<String> members,
                          Map<String, String> settings) {

    /** The rows after the seven, in report order. */
    public static final List<CombinedRow> ALL = List.of(
            new CombinedRow("ensemble", "ensemble", "Ensemble: cnn + resnet, soft voting", "members",
                    List.of("cnn", "resnet"), Map.of("flip-tta", "false")),
            new CombinedRow("ensemble-tta", "ensemble", "Ensemble: cnn + resnet, soft voting with flip TTA", "members",
                    List.of("cnn", "resnet"), Map.of("flip-tta", "true")),
            new CombinedRow("hybrid", "hybrid", "Hybrid: resnet features + logistic regression", "network",
                    List.of("resnet"), Map.of()));

    public CombinedRow {
        members = List.copyOf(members);
        settings = Map.copyOf(settings);
    }

    /** The combined row called {@code id}, if there is one. */
    public static Optional<CombinedRow> named(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The ids of {@link #ALL}. */
    public static List<String> ids() {
        return ALL.stream().map(CombinedRow::id).toList();
    }

    /** The hyperparameters it fixes: its settings and the members' bundle files. */
    Map<String, String> hyperparameters(Map<String, Path> bundles) {
        Map<String, String> values = new LinkedHashMap<>(settings);
        values.put(memberKey, members.stream().map(m -> bundles.get(m).toString()).collect(Collectors.joining(",")));
        return values;
    }
}
