package io.github.fmnist.bench.run;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hyperparameters a model trains with in a bench run, in increasing priority: the provider's preset
 * named by the profile (or {@code default} when it has none, plus the profile's overrides for the names the
 * provider declares), a preset chosen on the command line, values set on the command line.
 *
 * @param preset the preset started from
 * @param values the resulting hyperparameters
 */
public record HyperparameterChoice(String preset, Hyperparameters values) {
    private static final Logger LOG = LoggerFactory.getLogger(HyperparameterChoice.class);

    /**
     * @throws io.github.fmnist.api.InvalidInputException for an unknown preset or hyperparameter set on the command line
     */
    public static HyperparameterChoice resolve(ModelDescriptor descriptor, BenchProfile profile, String explicitPreset,
                                               Map<String, String> explicitValues) {
        String preset;
        Hyperparameters values;
        if (explicitPreset != null) {
            preset = explicitPreset;
            values = descriptor.preset(preset);
        } else if (descriptor.presets().containsKey(profile.preset())) {
            preset = profile.preset();
            values = descriptor.preset(preset);
        } else {
            preset = ModelDescriptor.DEFAULT_PRESET;
            values = descriptor.defaults();
            Set<String> declared = values.declared().stream().map(h -> h.name()).collect(Collectors.toSet());
            for (Map.Entry<String, String> e : profile.overridesFor(descriptor.id()).entrySet()) {
                if (declared.contains(e.getKey())) {
                    values = values.with(e.getKey(), e.getValue());
                } else {
                    LOG.info("{}: profile {} would set '{}', which this provider does not declare; keeping its default",
                            descriptor.id(), profile.name(), e.getKey());
                }
            }
        }
        return new HyperparameterChoice(preset, values.withAll(explicitValues));
    }
}
