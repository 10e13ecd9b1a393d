package io.github.fmnist.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.IncompatibleModelException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens ONNX Runtime sessions, choosing CUDA when asked for and usable and falling back to the CPU otherwise. */
final class SessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private SessionFactory() {
    }

    /** An open session, the provider it runs on, and why CUDA was not used if it was wanted. */
    record OpenSession(OrtSession session, ExecutionProvider provider, Optional<String> fallbackReason) {
    }

    /** Logs the one line naming the provider a usable session runs on. */
    static void logProvider(OpenSession opened, String source, OnnxRuntimeOptions options) {
        LOG.info("ONNX Runtime session for {} runs on {} ({} intra-op thread(s)){}", source, opened.provider(),
                options.intraOpThreads() == 0 ? "runtime's choice of" : options.intraOpThreads(),
                opened.fallbackReason().map(r -> "; CUDA unavailable: " + r).orElse(""));
    }

    static OpenSession open(OrtEnvironment env, byte[] model, String source, OnnxRuntimeOptions options) {
        String fallback = null;
        boolean tryCuda = switch (options.provider()) {
            case CPU -> false;
            case CUDA -> true;
            case AUTO -> OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        };
        if (tryCuda) {
            // addCUDA throws without the GPU build, the CUDA libraries or a device; the CPU session below still works.
            try (OrtSession.SessionOptions so = baseOptions(options)) {
                so.addCUDA(options.cudaDevice());
                return new OpenSession(env.createSession(model, so), ExecutionProvider.CUDA, Optional.empty());
            } catch (OrtException | RuntimeException e) {
                fallback = firstLine(e.getMessage());
            }
        }
        try (OrtSession.SessionOptions so = baseOptions(options)) {
            return new OpenSession(env.createSession(model, so), ExecutionProvider.CPU, Optional.ofNullable(fallback));
        } catch (OrtException e) {
            throw new IncompatibleModelException(source + ": ONNX Runtime cannot load this model: " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions baseOptions(OnnxRuntimeOptions options) {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return so;
        } catch (OrtException e) {
            so.close();
            throw new IllegalStateException("ONNX Runtime rejected fmnist's session options: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
