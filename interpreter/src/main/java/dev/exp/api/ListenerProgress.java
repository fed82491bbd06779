package dev.exp.api;

import dev.exp.eval.runtime.ExperimentProgress;

/** An {@link ExperimentListener} as the interpreter's progress sink: every call passed on unchanged. */
final class ListenerProgress implements ExperimentProgress {
  private final ExperimentListener listener;

  ListenerProgress(ExperimentListener listener) {
    this.listener = listener;
  }

  @Override
  public void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs) {
    listener.start(experiment, trials, gridPoints, replicates, cached, jobs);
  }

  @Override
  public void update(String experiment, int done, int failed, int cached, int total, double elapsedSeconds) {
    listener.update(experiment, done, failed, cached, total, elapsedSeconds);
  }

  @Override
  public void finish(String experiment, int done, int failed, int cached, int total, double elapsedSeconds,
      String firstError) {
    listener.finish(experiment, done, failed, cached, total, elapsedSeconds, firstError);
  }

  @Override
  public void warning(String experiment, String message) {
    listener.warning(experiment, message);
  }
}
