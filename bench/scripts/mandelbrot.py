def mandel(cr, ci):
    zr = 0.0; zi = 0.0; k = 0
    while k < 100 and zr*zr + zi*zi < 4:
        t = zr*zr - zi*zi + cr
        zi = 2*zr*zi + ci
        zr = t
        k += 1
    return k
total = 0
for y in range(200):
    for x in range(300):
        total += mandel(-2 + x*0.01, -1 + y*0.01)
print(total)
