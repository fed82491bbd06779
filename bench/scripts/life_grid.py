n = 200
grid = [[0]*n for i in range(n)]
s = 42
for i in range(n):
    for j in range(n):
        s = (s * 1103515 + 12345) % 2147483648
        if s % 3 == 0: grid[i][j] = 1
for gen in range(10):
    nxt = [[0]*n for i in range(n)]
    for i in range(n):
        for j in range(n):
            c = 0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    if di != 0 or dj != 0:
                        c += grid[(i+di+n)%n][(j+dj+n)%n]
            if c == 3 or (c == 2 and grid[i][j] == 1): nxt[i][j] = 1
    grid = nxt
alive = 0
for row in grid:
    for v in row: alive += v
print(alive)
