package io.github.fmnist.classic;

import io.github.fmnist.api.UnsupportedFeatureException;
import java.lang.reflect.Field;

/**
 * Reads the few trained parameters Smile 6.3 keeps in private fields without an accessor (a Platt sigmoid's
 * α and β, an ordinal split's threshold, the parts of a one-vs-one ensemble and of a k-NN model), so that the
 * model can be written as plain numbers. Only ever applied to objects fmnist trained or, when the user asks,
 * deserialised from a trusted old bundle; never to bundle input. {@code SmileInternalsTest} fails if a Smile
 * upgrade renames a field.
 */
final class SmileInternals {
    private SmileInternals() {
    }

    /** The value of field {@code name} declared by {@code owner} in {@code target}. */
    static Object field(Object target, Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedFeatureException("cannot read " + owner.getName() + "." + name + " of this Smile version ("
                    + e + "); fmnist-classic was built for Smile 6.3", e);
        }
    }

    /** As {@link #field}, for a double field. */
    static double doubleField(Object target, Class<?> owner, String name) {
        return (Double) field(target, owner, name);
    }

    /** As {@link #field}, for an int field. */
    static int intField(Object target, Class<?> owner, String name) {
        return (Integer) field(target, owner, name);
    }
}
