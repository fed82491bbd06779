-- fib(30) timed in-process after a warm-up run: median of 7, milliseconds.
local function fib(n) if n < 2 then return n else return fib(n - 1) + fib(n - 2) end end
fib(30)
local t = {}
for r = 1, 7 do local t0 = os.clock(); fib(30); t[r] = (os.clock() - t0) * 1000 end
table.sort(t)
print("fib30", t[4])
