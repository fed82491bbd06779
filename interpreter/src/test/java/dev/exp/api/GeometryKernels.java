package dev.exp.api;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** A host module for the tests, written exactly like a standard-library kernel class. */
public final class GeometryKernels {
  private GeometryKernels() {}

  @Kernel(name = "geom.area", doc = "Area of a width × height rectangle; height defaults to width (a square).\n\n"
      + "Example: geom.area(2, height: 3) is 6")
  public static double area(@Arg("width") double width, @Arg(value = "height", dflt = "none") Double height) {
    if (width < 0) {
      throw KernelException.of("geom.area: width must be non-negative, got %s", width);
    }
    return width * (height == null ? width : height);
  }

  @Kernel(name = "geom.norms", doc = "Euclidean norm of every row of a matrix.\n\nExample: geom.norms([[3, 4]]) is [5]")
  public static Tensor norms(@Arg("m") Tensor m) {
    double[] out = new double[m.dim(0)];
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      for (int j = 0; j < m.dim(1); j++) {
        s += m.get(i, j) * m.get(i, j);
      }
      out[i] = Math.sqrt(s);
    }
    return Tensor.vector(out);
  }
}
