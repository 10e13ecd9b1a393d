package io.github.fmnist.api.model;

/**
 * The default compatibility rule between a provider and the bundles it wrote. Versions are {@code MAJOR.MINOR}
 * (more parts are ignored): a provider reads bundles of its own major version whose minor version is not newer
 * than its own. A major version change means the payload format changed incompatibly; a minor one that older
 * providers may not understand it. Versions that are not numbers must match exactly.
 */
public final class ProviderVersion {
    private ProviderVersion() {
    }

    /** Whether a provider at {@code providerVersion} reads a bundle written at {@code bundleVersion}. */
    public static boolean canRead(String providerVersion, String bundleVersion) {
        int[] provider = parse(providerVersion);
        int[] bundle = parse(bundleVersion);
        if (provider == null || bundle == null) {
            return providerVersion.equals(bundleVersion);
        }
        return provider[0] == bundle[0] && bundle[1] <= provider[1];
    }

    /** The versions the default rule accepts for {@code providerVersion}, in words, e.g. {@code "1.0 to 1.1"}. */
    public static String readableRange(String providerVersion) {
        int[] v = parse(providerVersion);
        return v == null ? "only " + providerVersion : v[0] + ".0 to " + v[0] + "." + v[1];
    }

    private static int[] parse(String version) {
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major >= 0 && minor >= 0 ? new int[] {major, minor} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
