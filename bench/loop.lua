local acc = 0
for i = 0, 10000000 - 1 do acc = acc + i * 0.5 end
print(acc)
