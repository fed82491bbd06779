acc = 0
for i in range(10000000):
    acc += i * 0.5
print(acc)
