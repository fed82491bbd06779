import math
def A(i, j): return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)
def mulAv(v, n): return [sum(A(i, j) * v[j] for j in range(n)) for i in range(n)]
def mulAtv(v, n): return [sum(A(j, i) * v[j] for j in range(n)) for i in range(n)]
n = 200
u = [1.0]*n; v = [0.0]*n
for k in range(10):
    v = mulAtv(mulAv(u, n), n)
    u = mulAtv(mulAv(v, n), n)
print(round(math.sqrt(sum(a*b for a,b in zip(u,v)) / sum(b*b for b in v)), 9))
