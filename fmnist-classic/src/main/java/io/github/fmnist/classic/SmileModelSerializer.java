package io.github.fmnist.classic;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The guarded Java deserialisation of fmnist-classic 1.x payloads, used only by {@link JavaSerializedBundles} when a
 * user asks to convert an old bundle they trust; 2.x bundles hold plain numbers and never reach this class. The filter
 * bounds depth, references, array lengths and bytes, but not work: nested collections of a few kilobytes can keep
 * {@code readObject} busy for minutes, which is why loading no longer goes through here.
 *
 * <p>Reading goes through an {@link ObjectInputFilter} that is consulted for every class before it is
 * resolved, so a class outside the allow-list is never loaded, let alone instantiated: Smile's own
 * classes ({@code smile.*}), a few JDK value and collection classes, primitive arrays, arrays of allowed
 * classes, and this module's {@link ExportableMlp} (Smile's MLP with layer accessors). Everything else (lambdas, {@code HashSet}, {@code PriorityQueue}, proxies, application classes)
 * is rejected with a {@link TamperedModelException} naming the class. Depth, reference count, array length
 * and stream size are bounded too.
 */
final class SmileModelSerializer {
    /** Deep enough for decision trees of depth 1000 (each level costs a few stream levels). */
    static final long MAX_DEPTH = 5_000;
    /** Object references: a 500-tree forest on 60,000 images has a few million nodes. */
    static final long MAX_REFERENCES = 50_000_000;
    /** Longest array: a 60,000 × 784 double matrix flattened would be 47 million. */
    static final long MAX_ARRAY_LENGTH = 100_000_000;

    private static final Set<String> ALLOWED_JDK_CLASSES = Set.of(
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.String",
            "java.lang.Enum", "java.lang.Object",
            "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.LinkedHashMap", "java.util.HashMap",
            "java.util.TreeMap", "java.util.Properties", "java.util.Hashtable", "java.util.BitSet",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1", "java.util.CollSer",
            "java.util.Optional", "java.util.Map$Entry");

    private SmileModelSerializer() {
    }

    /**
     * Reads an object of type {@code expected} written by {@link #serialize}.
     *
     * @param source names the payload in messages, e.g. {@code "model.bin.fmnist: payload model.ser"}
     * @throws TamperedModelException      if the stream names a class outside the allow-list or breaks a limit
     * @throws IncompatibleModelException  if the stream is unreadable or holds another type
     */
    static <T> T deserialize(byte[] bytes, Class<T> expected, String source) {
        Rejections rejections = new Rejections(bytes.length);
        Object value;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(rejections);
            value = in.readObject();
        } catch (InvalidClassException e) {
            String rejected = rejections.first.get();
            if (rejected != null) {
                throw new TamperedModelException(source + ": refused to deserialise " + rejected
                        + "; a model payload may only hold Smile classes, boxed numbers, strings, basic"
                        + " collections and arrays of those", e);
            }
            throw new IncompatibleModelException(source + ": incompatible serialised class: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            String rejected = rejections.first.get();
            if (rejected != null) {
                throw new TamperedModelException(source + ": refused to deserialise " + rejected, e);
            }
            throw new IncompatibleModelException(source + ": unreadable serialised model: " + e, e);
        }
        if (!expected.isInstance(value)) {
            throw new IncompatibleModelException(source + ": expected a " + expected.getName() + ", found "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return expected.cast(value);
    }

    /** Whether {@code type} may appear in a model stream. */
    static boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        String name = element.getName();
        return name.startsWith("smile.") || ALLOWED_JDK_CLASSES.contains(name)
                || name.equals(ExportableMlp.class.getName());
    }

    /** The filter; remembers the first class it refused so the error can name it. */
    private static final class Rejections implements ObjectInputFilter {
        private final long maxBytes;
        private final AtomicReference<String> first = new AtomicReference<>();

        Rejections(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                return reject("an object graph deeper than " + MAX_DEPTH + " levels");
            }
            if (info.references() > MAX_REFERENCES) {
                return reject("more than " + MAX_REFERENCES + " object references");
            }
            if (info.streamBytes() > maxBytes) {
                return reject("more bytes than the payload holds");
            }
            if (info.arrayLength() > MAX_ARRAY_LENGTH) {
                return reject("an array of " + info.arrayLength() + " elements (limit " + MAX_ARRAY_LENGTH + ")");
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            return isAllowed(type) ? Status.ALLOWED : reject("class " + type.getName());
        }

        private Status reject(String what) {
            first.compareAndSet(null, what);
            return Status.REJECTED;
        }
    }
}
