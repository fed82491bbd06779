package dev.exp.kernel;

/**
 * A value that says what it is in error messages ("a function", "the namespace linalg"), for values
 * kernels receive but do not define, such as the interpreter's functions and namespaces.
 */
public interface Describable {
  /** The description with its article, lower case: "a function". */
  String description();
}
