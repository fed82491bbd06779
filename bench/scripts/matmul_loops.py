import random
n = 120
a = [[random.random() for _ in range(n)] for _ in range(n)]
b = [[random.random() for _ in range(n)] for _ in range(n)]
c = [[0.0]*n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0.0
        for k in range(n): s += a[i][k]*b[k][j]
        c[i][j] = s
print(round(sum(map(sum, c)), 6) > 0)
