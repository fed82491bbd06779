import random
hits = 0
n = 1000000
for i in range(n):
    x = random.random(); y = random.random()
    if x*x + y*y < 1: hits += 1
print(4*hits/n)
