package dev.exp.eval.compile;

/**
 * What binds a name that is not a {@code let} or {@code var} (a loop, a function definition, an
 * import, an experiment), as the error for assigning to it names it ({@link
 * dev.exp.eval.nodes.LocalVar#role}).
 */
final class BindingRoles {
  private BindingRoles() {}

  static final String FUNCTION = "the function defined";
  static final String LOOP = "a loop variable, bound";
  static final String SWEPT = "a swept parameter of the experiment, bound";
  static final String SEED = "the trial's seed, bound by the experiment";
  static final String IMPORTED = "the namespace imported";

  /** "cannot assign to 'x': it is a loop variable, bound at line 1 (...)". */
  static String immutable(String name, String role, Integer line) {
    String at = line == null ? "" : " at line " + line;
    if (role == null) {
      return "cannot assign to '" + name + "': it is declared with let" + at + " (declare it with var to make it mutable)";
    }
    String fix = switch (role) {
      case FUNCTION -> "give the new value another name";
      case LOOP -> "each iteration binds it anew; copy it into a var declared in the loop";
      case SWEPT, SEED -> "it is a column of the trial's row; copy it into a var to change it";
      case IMPORTED -> "an imported file's names are read-only; copy a value into a var to change it";
      default -> "copy the value into a var to change it";
    };
    return "cannot assign to '" + name + "': it is " + role + at + " (" + fix + ")";
  }
}
