# a CSV report built line by line in a string (20k rows), then its size
import math
out = "i,x,sqrt\n"
for i in range(20000):
    out += f"{i},{i * 0.5:g},{math.sqrt(i):.4f}\n"
print(len(out))
