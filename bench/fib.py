def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
acc = 0
for i in range(30000000):
    acc += i % 7
print(fib(30), acc)
