package dev.exp.api;

/**
 * Receives the progress of the experiments a session runs ({@link Session#progress(ExperimentListener)}):
 * how many trials there are, how many are done, failed or came from the cache, and how long it took.
 * Calls come from the thread that runs the experiment, one at a time, never concurrently. Every
 * method does nothing by default: override the ones you need. A listener should return quickly and not
 * throw.
 *
 * <pre>{@code
 * s.progress(new ExperimentListener() {
 *   public void update(String experiment, int done, int failed, int cached, int total, double elapsed) {
 *     bar.setValue(100 * done / total);
 *   }
 * });
 * }</pre>
 *
 * <p>{@code experiment} is the experiment's name as the script wrote it.
 */
public interface ExperimentListener {
  /**
   * Before the first trial.
   *
   * @param trials the number of trials (grid points times replicates)
   * @param gridPoints points of the parameter grid
   * @param replicates trials per grid point
   * @param cached trials whose results come from the experiment's cache (not run again)
   * @param jobs trials run in parallel
   */
  default void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs) {}

  /**
   * After each finished trial (and now and then while trials run).
   *
   * @param done trials finished so far, failed and cached ones included
   * @param failed trials that ended with an error
   * @param cached finished trials taken from the cache
   * @param total all trials
   * @param elapsedSeconds wall-clock time since {@link #start}
   */
  default void update(String experiment, int done, int failed, int cached, int total, double elapsedSeconds) {}

  /**
   * After the last trial, with the final counts.
   *
   * @param firstError the message of the first failed trial, or null when none failed
   */
  default void finish(String experiment, int done, int failed, int cached, int total, double elapsedSeconds,
      String firstError) {}

  /**
   * A problem worth a word that does not stop the experiment (a damaged cache line, say), reported
   * once per experiment run.
   */
  default void warning(String experiment, String message) {}
}
