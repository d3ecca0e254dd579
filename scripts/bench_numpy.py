"""NumPy side of scripts/bench-numpy.ts: the same GD steps in NumPy, one BLAS thread.

Reads requests from stdin, one JSON line each, answers one JSON line on stdout:
  {"op": "quadratic", "index": i, "d": d, "eta": eta, "bytes": b} then b raw bytes: Q (d x d, row
      major), lambda (d), x0 (d), float64 little-endian. Step: y = Q^T x, s = lambda * y,
      f = s.y / 2, g = Q s, ||g||, x -= eta g (the factored form boundcheck runs).
  {"op": "net", "index": i, "n", "h", "m", "N", "eta", "bytes"} then X (n x N), Y (m x N), W1 (h x n),
      W2 (m x h). Forms: "end-to-end" (P = W2 W1, R = P X - Y, G = R X^T, grads G W1^T and W2^T G,
      what boundcheck runs) and "layer-wise" (H = W1 X, R = W2 H - Y, grads R H^T and W2^T R X^T);
      both also compute what a boundcheck step records: f, the gap 1/2 ||(P - P*) X||^2 with
      P* = Y X^+, and the gradient's norm.
  {"op": "time", "index": i, "steps": s, "reps": r, "form": f} -> {"seconds": CPU seconds}.
"""
import json
import sys
import time

import numpy as np


def quadratic_run(q, lam, x0, eta, steps):
    x = x0.copy()
    qt = q.T
    for _ in range(steps):
        y = qt @ x
        s = lam * y
        f = 0.5 * (s @ y)
        g = q @ s
        norm = np.sqrt(g @ g)
        x -= eta * g
    return f + norm


def net_run(X, Y, W1, W2, P_star, eta, steps, form):
    W1 = W1.copy()
    W2 = W2.copy()
    XT = X.T
    for _ in range(steps):
        P = W2 @ W1
        if form == "end-to-end":
            R = P @ X - Y
            G = R @ XT
            g2 = G @ W1.T
            g1 = W2.T @ G
        else:
            H = W1 @ X
            R = W2 @ H - Y
            g2 = R @ H.T
            g1 = (W2.T @ R) @ XT
        f = 0.5 * np.vdot(R, R)
        E = (P - P_star) @ X
        gap = 0.5 * np.vdot(E, E)
        norm = np.sqrt(np.vdot(g1, g1) + np.vdot(g2, g2))
        W1 -= eta * g1
        W2 -= eta * g2
    return f + gap + norm


def main():
    problems = {}
    stdin = sys.stdin.buffer
    print(json.dumps({"numpy": np.__version__}), flush=True)
    for line in stdin:
        request = json.loads(line)
        op = request["op"]
        if op == "quadratic":
            d = request["d"]
            data = np.frombuffer(stdin.read(request["bytes"]), dtype="<f8")
            problems[request["index"]] = ("quadratic", (np.ascontiguousarray(data[: d * d].reshape(d, d)), data[d * d : d * d + d].copy(), data[d * d + d :].copy(), request["eta"]))
            print("{}", flush=True)
        elif op == "net":
            n, h, m, N = request["n"], request["h"], request["m"], request["N"]
            data = np.frombuffer(stdin.read(request["bytes"]), dtype="<f8")
            sizes = [n * N, m * N, h * n, m * h]
            parts = np.split(data, np.cumsum(sizes)[:-1])
            shapes = [(n, N), (m, N), (h, n), (m, h)]
            X, Y, W1, W2 = (np.ascontiguousarray(p.reshape(s)) for p, s in zip(parts, shapes))
            problems[request["index"]] = ("net", (X, Y, W1, W2, Y @ np.linalg.pinv(X), request["eta"]))
            print("{}", flush=True)
        elif op == "time":
            kind, args = problems[request["index"]]
            start = time.process_time()
            for _ in range(request["reps"]):
                if kind == "quadratic":
                    quadratic_run(*args, request["steps"])
                else:
                    net_run(*args, request["steps"], request["form"])
            print(json.dumps({"seconds": time.process_time() - start}), flush=True)


if __name__ == "__main__":
    main()
