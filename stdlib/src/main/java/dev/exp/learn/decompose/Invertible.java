package dev.exp.learn.decompose;

import dev.exp.tensor.Tensor;

/** A transform model that maps its latent coordinates back to feature space (PCA, PPCA, factor analysis). */
public interface Invertible {
  /** Features reconstructed from latent coordinates z (rows of z are samples). */
  Tensor inverseTransform(Tensor z);
}
