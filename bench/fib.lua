local function fib(n) if n < 2 then return n else return fib(n - 1) + fib(n - 2) end end
local acc = 0
for i = 0, 30000000 - 1 do acc = acc + i % 7 end
print(fib(30), acc)
