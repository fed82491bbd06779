parts = 0
for i in range(200000):
    s = f"item {i}"; parts += len(s)
print(parts)
