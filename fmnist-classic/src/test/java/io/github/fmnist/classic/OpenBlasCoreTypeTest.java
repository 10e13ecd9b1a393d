package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenBlasCoreTypeTest {
    private static final String AVX512_CPU = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Processor\n"
            + "flags\t\t: fpu vme sse sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl\n\n";
    private static final String AVX2_CPU = "processor\t: 0\nflags\t\t: fpu vme sse sse2 avx avx2 fma\n\n";

    @Test
    void haswellKernelsOnAnAvx512ProcessorWhenTheUserChoseNone() {
        assertEquals(Optional.of("Haswell"), OpenBlasCoreType.toForce("linux-x86_64", null, AVX512_CPU));
        assertEquals(Optional.of("Haswell"), OpenBlasCoreType.toForce("linux-x86_64", " ", AVX512_CPU));
    }

    @Test
    void theUsersChoiceOtherProcessorsAndOtherPlatformsAreLeftAlone() {
        assertEquals(Optional.empty(), OpenBlasCoreType.toForce("linux-x86_64", "SkylakeX", AVX512_CPU));
        assertEquals(Optional.empty(), OpenBlasCoreType.toForce("linux-x86_64", null, AVX2_CPU));
        assertEquals(Optional.empty(), OpenBlasCoreType.toForce("linux-arm64", null, AVX512_CPU));
        // a flag that only contains the name is not the flag
        assertEquals(Optional.empty(), OpenBlasCoreType.toForce("linux-x86_64", null, "flags\t\t: avx2 xavx512fx\n"));
    }
}
