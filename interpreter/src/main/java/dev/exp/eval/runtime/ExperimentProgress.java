package dev.exp.eval.runtime;

/**
 * Receives the progress of experiments: the CLI draws a status line, embedded hosts can listen.
 * Calls come from the thread that runs the experiment, never concurrently.
 */
public interface ExperimentProgress {
  /** Before the first trial: how many trials there are, how many come from the cache, and workers. */
  void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs);

  /** After each finished trial (and periodically). */
  void update(String experiment, int done, int failed, int cached, int total, double elapsedSeconds);

  /** After the last trial; {@code firstError} is null when nothing failed. */
  void finish(String experiment, int done, int failed, int cached, int total, double elapsedSeconds, String firstError);

  /**
   * A problem worth a word that does not stop the experiment (a damaged cache line, say); reported
   * once per experiment run. The CLI prints it on stderr; the default ignores it.
   */
  default void warning(String experiment, String message) {}

  /** Ignores everything. */
  ExperimentProgress NONE = new ExperimentProgress() {
    @Override
    public void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs) {}

    @Override
    public void update(String experiment, int done, int failed, int cached, int total, double elapsedSeconds) {}

    @Override
    public void finish(String experiment, int done, int failed, int cached, int total, double elapsedSeconds,
        String firstError) {}
  };
}
