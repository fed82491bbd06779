-- SOR sweeps for -u'' = 1 on (0, 1) with 100 interior points: 10000 sweeps, 1M element updates
local n = 100
local h = 1 / (n + 1)
local w = 1.9
local u = {}
for i = 0, n + 1 do u[i] = 0.0 end
for it = 1, 10000 do
  for i = 1, n do
    u[i] = (1 - w) * u[i] + w * 0.5 * (u[i - 1] + u[i + 1] + h * h)
  end
end
print(u[50])
