/**
 * Logistic regression, binary and softmax, over sparse features, fitted by full-batch gradient
 * descent with per-weight step sizes (AdaGrad) and an L2 penalty. Deterministic: examples are
 * visited in the order given, with no random initialisation.
 */

/**
 * @typedef {{ idx: Int32Array, val: Float64Array }} Row sparse feature indices and values
 * @typedef {{ epochs: number, rate: number, l2: number }} Fit
 */

/** Turns examples with named features into index rows over a vocabulary sorted by name. */
export function vectorise(examples, { minCount = 1 } = {}) {
  const counts = new Map();
  for (const e of examples) for (const f of e.features.keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([f, n]) => n >= minCount || f === "bias").map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) => toRow(e.features, index));
  return { names, index, rows };
}

export function toRow(features, index) {
  const idx = [];
  const val = [];
  for (const [f, v] of features) {
    const i = index.get(f);
    if (i !== undefined && v !== 0) {
      idx.push(i);
      val.push(v);
    }
  }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

function sigmoid(z) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Binary model: weights for P(y = 1). `positiveWeight` scales the loss of positive examples,
 * `exampleWeights[r]` (when given) the loss of row r.
 */
export function fitBinary(rows, labels, size, fit, positiveWeight = 1, exampleWeights = null) {
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  const grad = new Float64Array(size);
  for (let epoch = 0; epoch < fit.epochs; epoch++) {
    grad.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const { idx, val } = rows[r];
      let z = 0;
      for (let j = 0; j < idx.length; j++) z += w[idx[j]] * val[j];
      const y = labels[r];
      const err = (sigmoid(z) - y) * (y ? positiveWeight : 1) * (exampleWeights ? exampleWeights[r] : 1);
      for (let j = 0; j < idx.length; j++) grad[idx[j]] += err * val[j];
    }
    step(w, g2, grad, rows.length, fit);
  }
  return w;
}

/** Softmax model over `k` classes: weights laid out feature-major, `k` per feature. */
export function fitSoftmax(rows, labels, size, k, fit, classWeights) {
  const w = new Float64Array(size * k);
  const g2 = new Float64Array(size * k).fill(1e-8);
  const grad = new Float64Array(size * k);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < fit.epochs; epoch++) {
    grad.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const { idx, val } = rows[r];
      z.fill(0);
      for (let j = 0; j < idx.length; j++) for (let c = 0; c < k; c++) z[c] += w[idx[j] * k + c] * val[j];
      const p = softmax(z);
      const y = labels[r];
      const scale = classWeights ? classWeights[y] : 1;
      for (let c = 0; c < k; c++) {
        const err = (p[c] - (c === y ? 1 : 0)) * scale;
        for (let j = 0; j < idx.length; j++) grad[idx[j] * k + c] += err * val[j];
      }
    }
    step(w, g2, grad, rows.length, fit);
  }
  return w;
}

function step(w, g2, grad, n, fit) {
  for (let i = 0; i < w.length; i++) {
    const g = grad[i] / n + fit.l2 * w[i];
    if (g === 0) continue;
    g2[i] += g * g;
    w[i] -= (fit.rate * g) / Math.sqrt(g2[i]);
  }
}

export function softmax(z) {
  let top = -Infinity;
  for (const x of z) if (x > top) top = x;
  const e = Array.from(z, (x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export function predictBinary(w, row) {
  let z = 0;
  for (let j = 0; j < row.idx.length; j++) z += w[row.idx[j]] * row.val[j];
  return sigmoid(z);
}

export function predictSoftmax(w, k, row) {
  const z = new Float64Array(k);
  for (let j = 0; j < row.idx.length; j++) for (let c = 0; c < k; c++) z[c] += w[row.idx[j] * k + c] * row.val[j];
  return softmax(z);
}
