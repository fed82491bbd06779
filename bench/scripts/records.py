def step(s, x): return {"n": s["n"]+1, "mean": s["mean"] + (x - s["mean"])/(s["n"]+1)}
s = {"n": 0, "mean": 0}
for i in range(300000): s = step(s, i % 10)
print(s["n"], s["mean"])
