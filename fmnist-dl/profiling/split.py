#!/usr/bin/env python3
"""Splits an async-profiler collapsed CPU profile (recorded with the `lib` option) of a DL4J training run.

Usage: split.py PROFILE.collapsed

Two tables: where the CPU time went (all threads, by the library or work of the sampled leaf frame), and what the
training thread was doing (by the outermost DL4J phase on its Java stack). Start-up (data loading, ND4J and
network initialisation), the harness's own hashing and the profiler itself are counted apart and left out of the
percentages, and so is the JIT compiler's thread (a warm-up cost in a short profiled run; an epoch amortises it),
which is reported on its own.
"""
import collections
import sys

STARTUP = ('FashionMnist.load', 'Nd4j.<clinit>', 'ComputationGraph.init', 'TrainingSpeed.main;java/security',
           'SHA2', 'sha256', 'ElfParser', 'libasyncProfiler', 'LabeledDataset.slice', 'NativeRuntime.useThreads',
           'ClassLoader', 'Nd4j.initContext', 'DefaultOpExecutioner.<clinit>', 'Architecture.start', 'configuration(')


def where(frames):
    leaf = frames[-1]
    stack = ';'.join(frames)
    if 'CompileBroker' in stack:
        return 'JVM JIT compiler'
    if any(k in stack for k in ('G1', 'GCTask', 'ConcurrentGCThread', 'WorkerThread::run', 'GangWorker')):
        return 'garbage collection'
    if leaf == '[unknown]' and len(frames) <= 2 or 'dnnl' in leaf:
        return 'oneDNN kernels (JIT code and library)'
    if 'openblas' in leaf or 'sgemm' in leaf or 'gotoblas' in leaf:
        return 'BLAS (OpenBLAS)'
    if 'libgomp' in leaf:
        return 'OpenMP fork/join, barrier spinning'
    if 'dnnl' in stack and 'libnd4jcpu' not in leaf:
        return 'oneDNN kernels (JIT code and library)'
    if 'libnd4jcpu' in leaf:
        return "libnd4j's own kernels (elementwise, reductions, Adam, softmax)"
    if any(k in stack for k in ('Augmenter', 'LabeledDataset.select', 'toNormalizedNchw', 'ImageBatch')):
        return 'Java-side batching and augmentation'
    if any(k in leaf for k in ('memset', 'memcpy', 'malloc', 'free', 'page_fault', 'anonymous_page', 'mm_fault',
                               'clear_page', 'munmap', 'mmap')):
        return 'memory: malloc/free, page faults, memset/memcpy'
    if 'Workspace' in stack and 'libnd4jcpu' not in leaf:
        return 'workspaces (Java side)'
    if leaf.endswith('_[k]'):
        return 'kernel: scheduling, syscalls'
    return 'Java and JNI: DL4J/ND4J op dispatch, shape checks, listeners'


PHASES = (('Java-side batching and augmentation', ('Augmenter', 'LabeledDataset.select', 'toNormalizedNchw',
                                                   'GraphTrainer.fitBatch;org/nd4j', 'Prefetch')),
          ('metrics listener (logits to Java)', ('BatchMetrics',)),
          ('updater (Adam, weight decay)', ('Updater.update', 'updater/', 'applyUpdate', 'StepFunction', 'Adam')),
          ('loss and score', ('computeScore', 'LossMCXENT', 'calcRegularizationScore')),
          ('backward pass', ('calcBackpropGradients',)),
          ('forward pass', ('ffToLayerActivations', 'outputOfLayersDetached')),
          ('gradient view / flattening', ('computeGradientAndScore',)))


def phase(stack):
    for name, keys in PHASES:
        if any(k in stack for k in keys):
            return name
    if 'ComputationGraph.fit' in stack:
        return 'other inside fit (solver, workspace set-up, clearing)'
    return 'other on the training thread'


def main(path):
    cpu = collections.Counter()
    phases = collections.Counter()
    skipped = 0
    jit = 0
    for line in open(path):
        stack, n = line.rsplit(' ', 1)
        n = int(n)
        frames = stack.split(';')
        if any(k in stack for k in STARTUP):
            skipped += n
            continue
        kind = where(frames)
        if kind == 'JVM JIT compiler':
            jit += n
            continue
        cpu[kind] += n
        if 'GraphTrainer.fit' in stack and 'CompileBroker' not in stack:
            phases[phase(stack)] += n
    total = sum(cpu.values())
    print(f'{total} samples in training, {jit} in the JIT compiler and {skipped} in start-up/harness (left out)\n')
    print('| where the CPU time went (all threads) | share |\n|---|---|')
    for k, v in cpu.most_common():
        print(f'| {k} | {100.0 * v / total:.1f} % |')
    main_total = sum(phases.values())
    print(f'\n| training thread, by phase ({main_total} samples) | share |\n|---|---|')
    for k, v in phases.most_common():
        print(f'| {k} | {100.0 * v / main_total:.1f} % |')


if __name__ == '__main__':
    main(sys.argv[1])
