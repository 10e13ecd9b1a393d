#!/usr/bin/env bash
# Profiles a fixed number of training batches with async-profiler (native frames) and, in a second run, JFR
# (the training thread's Java stacks, also while in native code), then prints both splits.
# Usage (from the repository root): fmnist-dl/profiling/profile.sh OUT_DIR THREADS "TrainingSpeed arguments"
#   e.g. fmnist-dl/profiling/profile.sh /tmp/prof 2 "cnn paper 200 batch-size=64"
# The two profilers cannot run in one JVM (JFR's CPU-time sampler and async-profiler compete for the signal).
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd); threads=$2; args=$3
tag=$(echo "$args" | tr ' =' '__')
./mvnw -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.1
unzip -q -o -j ~/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar \
    linux-x64/libasyncProfiler.so -d "$out"
run() {
    ./mvnw -q -B -pl fmnist-dl -Pmeasure test-compile exec:exec -Dmeasure.main=io.github.fmnist.dl.TrainingSpeed \
        -Dmeasure.threads="$threads" -Dmeasure.args="$args" -Dmeasure.jvm="$1"
}
run "-agentpath:$out/libasyncProfiler.so=start,event=cpu,interval=1ms,cstack=vm,lib,file=$out/$tag.collapsed,collapsed"
run "-XX:StartFlightRecording:jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=1ms,jdk.ObjectAllocationSample#enabled=true,filename=$out/$tag.jfr"
python3 fmnist-dl/profiling/split.py "$out/$tag.collapsed"
"$JAVA_HOME/bin/java" fmnist-dl/profiling/JfrPhases.java "$out/$tag.jfr"
