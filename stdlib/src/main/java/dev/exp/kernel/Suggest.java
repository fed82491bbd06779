package dev.exp.kernel;

import java.util.Collection;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** "; did you mean 'x'?" or "" when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    String best = closest(name, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /**
   * For an unknown named argument: "; did you mean 'x'?" by spelling, else by the part the name plays
   * in NumPy, SciPy or scikit-learn ({@code ord} is {@code p}, {@code size} is {@code shape},
   * {@code random_state} is {@code seed}), or "" when neither finds a parameter among {@code candidates}.
   */
  public static String parameter(String name, Collection<String> candidates) {
    String spelled = didYouMean(name, candidates);
    if (!spelled.isEmpty()) {
      return spelled;
    }
    for (String alias : PARAMETER_ALIASES.getOrDefault(name, java.util.List.of())) {
      if (candidates.contains(alias)) {
        return "; did you mean '" + alias + "'? (Exp's name for the NumPy/scikit-learn '" + name + "')";
      }
    }
    return "";
  }

  /** Parameter names of NumPy, SciPy and scikit-learn and the Exp names that play their part, in order. */
  private static final java.util.Map<String, java.util.List<String>> PARAMETER_ALIASES = java.util.Map.ofEntries(
      java.util.Map.entry("ord", java.util.List.of("p")),
      java.util.Map.entry("size", java.util.List.of("shape", "n")),
      java.util.Map.entry("random_state", java.util.List.of("seed")),
      java.util.Map.entry("rng", java.util.List.of("seed")),
      java.util.Map.entry("dim", java.util.List.of("axis")),
      java.util.Map.entry("n_clusters", java.util.List.of("k")),
      java.util.Map.entry("n_components", java.util.List.of("k")),
      java.util.Map.entry("n_neighbors", java.util.List.of("k")),
      java.util.Map.entry("maxiter", java.util.List.of("max_iter")),
      java.util.Map.entry("atol", java.util.List.of("tol")),
      java.util.Map.entry("rtol", java.util.List.of("tol")),
      java.util.Map.entry("learning_rate", java.util.List.of("lr")),
      java.util.Map.entry("fit_intercept", java.util.List.of("intercept")),
      java.util.Map.entry("num", java.util.List.of("n")));

  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    // edits allowed: a third of the name, at least one, at most three (foo is not cos, lenght is length)
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    for (String c : candidates) {
      if (c.equals(name) || c.equals("_")) {   // _ (the REPL's last value) is never what a name meant
        continue;
      }
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD || d == bestD && best != null && c.compareTo(best) < 0) {
        bestD = d;
        best = c;
      }
    }
    if (bestD <= limit && bestD < name.length()) {
      return best;
    }
    // nothing close by spelling (a one-letter name is one edit from every other): a name it begins, `vi.V` -> values
    String prefixed = null;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates) {
      if (!c.equals(name) && c.toLowerCase(java.util.Locale.ROOT).startsWith(lower)
          && (prefixed == null || c.length() < prefixed.length() || c.length() == prefixed.length() && c.compareTo(prefixed) < 0)) {
        prefixed = c;
      }
    }
    if (prefixed != null) {
      return prefixed;
    }
    // the longest name (of three letters or more) it begins with: lenght -> len
    String stem = null;
    for (String c : candidates) {
      if (c.length() >= 3 && c.length() < name.length() && lower.startsWith(c.toLowerCase(java.util.Locale.ROOT))
          && (stem == null || c.length() > stem.length())) {
        stem = c;
      }
    }
    return stem != null ? stem : bestD <= limit ? best : null;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
