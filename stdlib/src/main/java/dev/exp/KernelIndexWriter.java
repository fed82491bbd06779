package dev.exp;

import dev.exp.kernel.KernelIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the kernel index ({@link KernelIndex#RESOURCE}) of the standard library's kernel classes.
 * The build runs it after compiling (stdlib's pom, phase process-classes), so the index is never
 * committed and never stale.
 */
public final class KernelIndexWriter {
  private KernelIndexWriter() {}

  /** {@code args[0]}: the file to write. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    Files.writeString(out, KernelIndex.generate(Stdlib.kernelClasses()), StandardCharsets.UTF_8);
  }
}
