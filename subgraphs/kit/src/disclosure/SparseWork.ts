/** A dense scratch vector that remembers which entries it touched, so reading and clearing it cost only those. */

/** The non-zero entries of a vector: most columns touch few lines and few cells. */
export interface Sparse {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Below this a value is zero: the lines have coefficients +-1, so real entries stay far above it. */
const EPSILON = 1e-9;

export class SparseWork {
  private readonly values: Float64Array;
  private readonly touched: Uint8Array;
  private indices: number[] = [];

  constructor(length: number) {
    this.values = new Float64Array(length);
    this.touched = new Uint8Array(length);
  }

  get(i: number): number {
    return this.values[i] as number;
  }

  set(i: number, value: number): void {
    this.touch(i);
    this.values[i] = value;
  }

  /** this -= factor * source; values that cancel out become exactly zero. */
  subtract(factor: number, source: Sparse): void {
    const { indices, values } = source;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      this.touch(i);
      const v = (this.values[i] as number) - factor * (values[k] as number);
      this.values[i] = Math.abs(v) < EPSILON ? 0 : v;
    }
  }

  /** Index of the entry of largest magnitude (the lowest index of equals); undefined when all are zero. */
  largest(): number | undefined {
    let best: number | undefined;
    let size = 0;
    for (const i of this.indices) {
      const v = Math.abs(this.values[i] as number);
      if (v > size || (v === size && v > 0 && i < (best as number))) [best, size] = [i, v];
    }
    return best;
  }

  /** The non-zero entries divided by `scale`; the scratch is cleared for the next vector. */
  take(scale = 1): Sparse {
    let count = 0;
    for (const i of this.indices) if (this.values[i] !== 0) count++;
    const taken = { indices: new Int32Array(count), values: new Float64Array(count) };
    let k = 0;
    for (const i of this.indices) {
      const v = this.values[i] as number;
      if (v !== 0) [taken.indices[k], taken.values[k++]] = [i, v / scale];
      this.values[i] = 0;
      this.touched[i] = 0;
    }
    this.indices = [];
    return taken;
  }

  private touch(i: number): void {
    if (this.touched[i] === 1) return;
    this.touched[i] = 1;
    this.indices.push(i);
  }
}
