# SOR sweeps for -u'' = 1 on (0, 1) with 100 interior points: 10000 sweeps, 1M element updates
n = 100
h = 1 / (n + 1)
w = 1.9
u = [0.0] * (n + 2)
for it in range(10000):
    for i in range(1, n + 1):
        u[i] = (1 - w) * u[i] + w * 0.5 * (u[i - 1] + u[i + 1] + h * h)
print(u[50])
